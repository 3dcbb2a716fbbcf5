import type { FieldProblem } from '../errors/validation';

/**
 * JSON nested deeper than this is refused before any validator or transformer walks it (they recurse and
 * overflow the stack on a few thousand levels). Our deepest DTO is three levels; 32 leaves room for jsonb.
 */
export const MAX_JSON_DEPTH = 32;
/** Stop after this many problems: a body of a million NULs needs one line of feedback, not a million. */
const MAX_PROBLEMS = 20;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text: PostgreSQL refuses NUL, and a lone surrogate is not Unicode at all. */
export function textProblem(s: string): 'nulByte' | 'loneSurrogate' | null {
  if (s.includes('\u0000')) return 'nulByte';
  if (LONE_SURROGATE.test(s)) return 'loneSurrogate';
  return null;
}

const MESSAGES = {
  nulByte: { en: 'must not contain NUL (\\u0000) characters', zh: '不能包含空字符（\\u0000）' },
  loneSurrogate: { en: 'is not valid Unicode text (unpaired surrogate)', zh: '不是有效的 Unicode 文本（含不成对的代理字符）' },
  tooDeep: { en: `is nested more than ${MAX_JSON_DEPTH} levels deep`, zh: `嵌套层数超过 ${MAX_JSON_DEPTH} 层` },
};

function problem(field: string, code: keyof typeof MESSAGES): FieldProblem {
  return { field, code, message: `${field} ${MESSAGES[code].en}`, zh: `${field} ${MESSAGES[code].zh}` };
}

function childPath(parent: string, key: string, isArray: boolean): string {
  if (isArray) return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Walks a parsed body, query or params object WITHOUT recursion (an explicit stack), so a hostile
 * nesting depth costs a loop, not the call stack. Returns field-level problems: too deep, NUL bytes,
 * lone surrogates — in values and in keys.
 */
export function inspectInput(root: unknown, rootField = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: Array<{ value: unknown; field: string; depth: number }> = [{ value: root, field: rootField, depth: 0 }];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const { value, field, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const p = textProblem(value);
      if (p) problems.push(problem(field || 'body', p));
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      problems.push(problem(field || 'body', 'tooDeep'));
      continue;
    }
    const isArray = Array.isArray(value);
    for (const key of Object.keys(value)) {
      const path = childPath(field, key, isArray);
      const keyProblem = isArray ? null : textProblem(key);
      if (keyProblem) problems.push(problem(path.replace(/\u0000/g, '\\u0000'), keyProblem));
      stack.push({ value: (value as Record<string, unknown>)[key], field: path, depth: depth + 1 });
    }
  }
  return problems;
}
