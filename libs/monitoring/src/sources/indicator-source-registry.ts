import { Injectable } from '@nestjs/common';
import type { ComputedIndicatorSource } from './computed-source';

/**
 * Sources of contexts above monitoring (which monitoring may not import): they register here at module init, as
 * projections register with the search indexer, and are collected with monitoring's own sources.
 */
@Injectable()
export class IndicatorSourceRegistry {
  private readonly sources: ComputedIndicatorSource[] = [];

  register(source: ComputedIndicatorSource): void {
    if (!this.sources.some((s) => s.name === source.name)) this.sources.push(source);
  }

  list(): readonly ComputedIndicatorSource[] {
    return this.sources;
  }
}
