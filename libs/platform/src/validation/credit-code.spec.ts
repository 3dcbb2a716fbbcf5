import { completeCreditCode, creditCodeCheckCharacter, isValidCreditCode } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published real codes', () => {
    // Tsinghua University and Huawei Technologies, as printed on their public registrations.
    expect(isValidCreditCode('12100000400000624D')).toBe(true);
    expect(isValidCreditCode('914403001922038216')).toBe(true);
  });
  it('rejects a wrong check character, bad letters and wrong length', () => {
    expect(isValidCreditCode('12100000400000624E')).toBe(false);
    expect(isValidCreditCode('91440300192203821I')).toBe(false);
    expect(isValidCreditCode('9144030019220382')).toBe(false);
    expect(isValidCreditCode(null)).toBe(false);
  });
  it('completes any 17-character body into a valid code', () => {
    const code = completeCreditCode('91130100MA0ABCDE1');
    expect(code).toHaveLength(18);
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });
});
