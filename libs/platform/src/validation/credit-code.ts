import { registerDecorator, ValidationOptions } from 'class-validator';

/** GB 32100-2015 alphabet: digits and upper-case letters without I, O, Z, S, V. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character (18th) for the first 17 characters of a unified social credit code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`invalid character ${first17[i]}`);
    sum += v * WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return ALPHABET[c === 31 ? 0 : c];
}

export function isValidCreditCode(code: unknown): boolean {
  if (typeof code !== 'string' || !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

/** Makes a valid code from any 17-character body (for seeds, tests and generators). */
export function completeCreditCode(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}

export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} is not a valid unified social credit code (GB 32100-2015 check character or format)`, ...options },
      validator: { validate: (v: unknown) => isValidCreditCode(v) },
    });
}
