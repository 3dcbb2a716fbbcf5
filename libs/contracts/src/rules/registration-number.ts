/**
 * 16 digits: year (4), the institution's number prefix (6), its sequence in that year (6).
 * Stored as a string; nothing reads meaning back out of the segments.
 */
export const MAX_SEQUENCE = 999_999;

export function formatRegistrationNumber(year: number, prefix: string, sequence: number): string {
  if (!/^\d{6}$/.test(prefix)) throw new RangeError(`bad number prefix ${prefix}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) throw new RangeError(`sequence out of range: ${sequence}`);
  return `${String(year).padStart(4, '0')}${prefix}${String(sequence).padStart(6, '0')}`;
}

/** Default prefix from the first covered division: '13' → '130000', '130102' → '130102'. */
export function defaultNumberPrefix(coveredDivisions: readonly string[]): string {
  return (coveredDivisions[0] ?? '').slice(0, 6).padEnd(6, '0');
}
