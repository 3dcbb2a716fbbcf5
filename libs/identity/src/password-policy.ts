import type { ErrorDetail } from '@techbridge/platform';

export interface PasswordPolicy {
  minLength: number;
  /** Of the four classes (lower-case, upper-case, digit, other), how many must appear. */
  minClasses: number;
}

/** Longer passwords are refused: argon2 of a megabyte is a cheap way to load the server. */
export const PASSWORD_MAX_LENGTH = 128;

export function characterClasses(password: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((re) => re.test(password)).length;
}

/** The policy as one sentence, for errors and the sign-up form. */
export function describePolicy(p: PasswordPolicy): { zh: string; en: string } {
  return {
    zh: `密码至少 ${p.minLength} 位，且包含小写字母、大写字母、数字、其他字符中的至少 ${p.minClasses} 类`,
    en: `The password needs at least ${p.minLength} characters and at least ${p.minClasses} of: lower-case letters, upper-case letters, digits, other characters`,
  };
}

/** Field-level problems of a new password under the policy; empty when it passes. */
export function passwordProblems(password: string, p: PasswordPolicy, field = 'password'): ErrorDetail[] {
  const text = describePolicy(p);
  const chars = [...password].length;
  const problems: ErrorDetail[] = [];
  if (chars < p.minLength || chars > PASSWORD_MAX_LENGTH) problems.push({ field, code: 'passwordLength', message: text.en, zh: text.zh });
  else if (characterClasses(password) < p.minClasses) problems.push({ field, code: 'passwordClasses', message: text.en, zh: text.zh });
  return problems;
}
