import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/**
 * Path parameters are checked before they reach SQL: an impossible date or a year of twenty digits is the
 * caller's mistake (400 naming the parameter), not a PostgreSQL error.
 */
@Injectable()
export class ParseDayPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (isCalendarDay(value)) return value;
    const field = meta.data ?? 'day';
    throw DomainError.validation(field, { zh: `${field} 应为有效日期（YYYY-MM-DD）`, en: `${field} must be a real date (YYYY-MM-DD)` }, 'isISO8601');
  }
}

export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A year the platform can hold figures for. */
@Injectable()
export class ParseYearPipe implements PipeTransform<string, number> {
  static readonly MIN = 2000;
  static readonly MAX = 2100;
  transform(value: string, meta: ArgumentMetadata): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (year >= ParseYearPipe.MIN && year <= ParseYearPipe.MAX) return year;
    const field = meta.data ?? 'year';
    throw DomainError.validation(field, { zh: `${field} 应为 ${ParseYearPipe.MIN}–${ParseYearPipe.MAX} 之间的年份`, en: `${field} must be a year between ${ParseYearPipe.MIN} and ${ParseYearPipe.MAX}` }, 'isYear');
  }
}
