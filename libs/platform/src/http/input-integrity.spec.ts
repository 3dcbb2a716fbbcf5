import { inspectInput, MAX_JSON_DEPTH, textProblem } from './input-integrity';

describe('inspectInput', () => {
  it('accepts ordinary Chinese and emoji text (surrogate pairs are fine)', () => {
    expect(inspectInput({ title: '氢燃料电池 🚀', tags: ['光伏', { a: 'b' }] })).toEqual([]);
    expect(textProblem('𠮷野家')).toBeNull();
  });

  it('names NUL bytes and lone surrogates by their path, in values and in keys', () => {
    const problems = inspectInput({ a: { b: ['ok', 'x\u0000'] }, email: 'a\uD800@b.cn', ['k\u0000']: 1, tail: '\uDC00' });
    expect(problems.map((p) => [p.field, p.code]).sort()).toEqual([
      ['a.b[1]', 'nulByte'],
      ['email', 'loneSurrogate'],
      ['k\\u0000', 'nulByte'],
      ['tail', 'loneSurrogate'],
    ]);
  });

  it('stops at the depth limit without recursing, however deep the input', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const problems = inspectInput({ body: deep });
    expect(problems).toHaveLength(1);
    expect(problems[0].code).toBe('tooDeep');
    let fine: unknown = 'x';
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i++) fine = { n: fine };
    expect(inspectInput(fine)).toEqual([]);
  });

  it('reports at most twenty problems for a body full of them', () => {
    expect(inspectInput(Array.from({ length: 10_000 }, () => '\u0000'))).toHaveLength(20);
  });
});
