import { characterClasses, passwordProblems, PASSWORD_MAX_LENGTH } from './password-policy';

describe('password policy', () => {
  const policy = { minLength: 10, minClasses: 3 };

  it('counts lower-case, upper-case, digits and other characters (Chinese counts as other)', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('abcDEF')).toBe(2);
    expect(characterClasses('abcDEF123')).toBe(3);
    expect(characterClasses('abcDEF123-')).toBe(4);
    expect(characterClasses('密码abc123')).toBe(3);
  });

  it('refuses short, long and single-kind passwords with the field and a reason', () => {
    expect(passwordProblems('Ab1-', policy)).toEqual([expect.objectContaining({ field: 'password', code: 'passwordLength' })]);
    expect(passwordProblems('A1-'.repeat(PASSWORD_MAX_LENGTH), policy)[0].code).toBe('passwordLength');
    expect(passwordProblems('abcdefgh1234', policy, 'newPassword')).toEqual([expect.objectContaining({ field: 'newPassword', code: 'passwordClasses' })]);
    expect(passwordProblems('abcdefgh-1234', policy)).toEqual([]);
    expect(passwordProblems('abcdefgh1234', { minLength: 10, minClasses: 2 })).toEqual([]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblems('𠮷𠮷𠮷𠮷Ab1', { minLength: 8, minClasses: 3 })[0].code).toBe('passwordLength');
  });
});
