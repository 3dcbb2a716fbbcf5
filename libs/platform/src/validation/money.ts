import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * An amount in yuan: a finite number with at most two decimals (stored as numeric(18,2)). Replaces
 * `IsNumber({ maxDecimalPlaces: 2 })`, whose check throws a TypeError (a 500) on values such as 9e-323.
 */
export function isYuanAmount(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Number(v.toFixed(2)) === v;
}

export function IsYuan(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isYuan',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be an amount in yuan with at most two decimals`, ...options },
      validator: { validate: (v: unknown) => isYuanAmount(v) },
    });
}
