import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { OpenApiDocument, Operation, Parameter, resolve, Schema } from './openapi-operations';

/** Values the fuzzer may put in path parameters besides hostile ones: real ids and plausible codes, by name. */
export type KnownValues = Record<string, string[]>;

export type Caller = 'admin' | 'member' | 'anonymous';

export interface FuzzRequest {
  caller: Caller;
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

// ---- hostile values ----

const DEEP = 5000;
const deepJson = '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP);
const deepArray = '['.repeat(DEEP) + ']'.repeat(DEEP);

const hostileStrings = fc.constantFrom(
  '', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\uDBFF\uDBFF', '%', '%00', '../../etc/passwd', "' OR '1'='1' --", '<script>alert(1)</script>',
  '𠮷野家', '\u202Eevil', 'NaN', '-1', '1e309', '99999999999999999999', '-99999999999999999999', '2025-02-30', '0000-00-00', '2026-13-01T25:61:00Z',
  'null', 'undefined', '{}', '[]', 'ａｂｃ', '\r\n\r\n', 'true', '0x10', '1.5', '2026Q5', 'Ⅷ', '\\', '"', '长'.repeat(20001),
);
const hostileNumbers = fc.oneof(
  fc.constantFrom(0, -1, -0, 1.5, 2 ** 31, 2 ** 53 + 2, 1e20, -1e20, 1e308, -1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
/** A few levels of nesting as a value (the 5,000-level bodies are sent as raw text below). */
const nested = fc.nat({ max: 60 }).map((n) => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
});

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileStrings },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: hostileNumbers },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': null }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: nested },
);

// ---- plausible values from the schema ----

const isoDay = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const isoInstant = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());

/** Values shaped like what the operation documents, so the fuzz reaches the services and not only the validators. */
export function plausible(doc: OpenApiDocument, schema: Schema | undefined, known: KnownValues, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (depth > 4) return fc.constant(null);
  const variant = s.oneOf ?? s.anyOf;
  if (variant?.length) return fc.oneof(...variant.map((v) => plausible(doc, v, known, depth + 1)));
  switch (s.type) {
    case 'string': {
      if (s.format === 'uuid') return fc.oneof(fc.constantFrom(...(known.id ?? [randomUUID()])), fc.uuid());
      if (s.format === 'date') return isoDay;
      if (s.format === 'date-time') return isoInstant;
      if (s.format === 'binary') return fc.constant('file');
      const min = s.minLength ?? 0;
      return fc.oneof(fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, Math.min(s.maxLength ?? 40, 80)) }), isoDay);
    }
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -10, -1e6), max: Math.min(s.maximum ?? 2100, 1e9) });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(doc, s.items, known, depth + 1), { maxLength: 4 });
    case 'object':
    default: {
      if (!s.properties) return s.type === 'object' ? fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 12 }), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxKeys: 4 }) : fc.jsonValue({ maxDepth: 2 });
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(s.properties)) model[k] = plausible(doc, v, known, depth + 1);
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in model) });
    }
  }
}

/** One field somewhere in the value replaced, nulled, deleted, or an unknown field added. */
function mutate(value: unknown, path: number[], how: 'replace' | 'null' | 'delete' | 'extra', hostile: unknown): unknown {
  if (value === null || typeof value !== 'object') return how === 'extra' ? { value, extra: hostile } : hostile;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (!keys.length || how === 'extra') {
    (copy as Record<string, unknown>)[keys.length && path[0] % 2 ? 'isAdmin' : '__unknown'] = hostile;
    return copy;
  }
  const key = keys[path[0] % keys.length];
  const child = (copy as Record<string, unknown>)[key];
  if (path.length > 1 && child !== null && typeof child === 'object') {
    (copy as Record<string, unknown>)[key] = mutate(child, path.slice(1), how, hostile);
  } else if (how === 'delete') {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete (copy as Record<string, unknown>)[key];
  } else {
    (copy as Record<string, unknown>)[key] = how === 'null' ? null : hostile;
  }
  return copy;
}

// ---- bodies ----

const rawJsonTexts = fc.constantFrom(
  '{"a":', '[', ']', '{', 'null', '"text"', '1', 'true', '', '   ', deepJson, deepArray, '1' + '0'.repeat(400), '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"x":1}}}', '{"a":1,"a":2}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '\uFEFF{}', '{"a":1}garbage',
);

const otherContent = fc.constantFrom<[string, string]>(
  ['text/plain', 'hello'], ['application/x-www-form-urlencoded', 'a=1&a=2&title=%00'], ['application/xml', '<a>1</a>'],
  ['application/x-ndjson', '{"title":"x"}\n{bad\n'], ['text/csv', 'title,industry\n"unclosed,x\n'], ['application/octet-stream', '\u0000\u0001\u0002'],
  ['application/json; charset=latin1', '{}'], ['application/json', '\u0000'],
);

function multipart(boundary: string, parts: Array<{ name: string; filename?: string; type?: string; content: string }>, close = true): string {
  const body = parts.map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n${p.content}\r\n`).join('');
  return body + (close ? `--${boundary}--\r\n` : '');
}

const multipartBodies = fc.oneof(
  fc.constantFrom<[string, string]>(
    ['multipart/form-data; boundary=b1', multipart('b1', [{ name: 'file', filename: 'a.pdf', type: 'application/pdf', content: '%PDF-1.4\n%%EOF' }])],
    ['multipart/form-data; boundary=b1', multipart('b1', [{ name: 'file', filename: 'a.png', type: 'image/png', content: '\u0089PNG\r\n\u001a\n' }])],
    ['multipart/form-data; boundary=b1', multipart('b1', [{ name: 'file', filename: 'a.csv', type: 'text/csv', content: 'title\nx' }])],
    ['multipart/form-data', multipart('b1', [{ name: 'file', filename: 'a.pdf', content: '%PDF' }])],
    ['multipart/form-data; boundary=b1', multipart('b1', [{ name: 'file', filename: 'a.pdf', content: '%PDF-1.4' }], false)],
    ['multipart/form-data; boundary="a b\u00ff"', multipart('a b\u00ff', [{ name: 'file', filename: 'a.pdf', content: '%PDF' }])],
    ['multipart/form-data; boundary=b1', multipart('b1', [{ name: 'other', filename: 'a.pdf', content: '%PDF' }])],
    ['multipart/form-data; boundary=b1', multipart('b1', [{ name: 'file', filename: 'a\u0000.pdf', content: '%PDF' }])],
    ['multipart/form-data; boundary=b1', multipart('b1', [{ name: 'file', content: 'not a file' }])],
    ['multipart/form-data; boundary=b1', multipart('b1', [{ name: 'file', filename: 'a.pdf', content: '%PDF' }, { name: 'file', filename: 'b.pdf', content: '%PDF' }])],
    ['multipart/form-data; boundary=b1', '--b1--\r\n'],
    ['multipart/form-data; boundary=b1', ''],
    ['multipart/form-data; boundary=b1', '\u0000garbage'],
    ['multipart/form-data; boundary=b1', multipart('b1', [{ name: '__proto__', content: 'x' }])],
  ),
  fc.tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 200 })).map(([name, content]): [string, string] => [
    'multipart/form-data; boundary=b1', multipart('b1', [{ name: 'file', filename: name, content }]),
  ]),
);

/** Latin-1 keeps every byte we wrote; UTF-8 for JSON so lone surrogates arrive as the replacement or escaped. */
const asPayload = ([type, text]: [string, string]) => ({ type, payload: type.startsWith('multipart') ? Buffer.from(text, 'latin1') : text });

function bodyArbitrary(doc: OpenApiDocument, op: Operation, known: KnownValues): fc.Arbitrary<{ type?: string; payload?: string | Buffer }> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((v) => ({ type: 'application/json', payload: JSON.stringify(v) ?? 'null' }));
  const shaped = plausible(doc, op.jsonBody ?? { type: 'object', properties: {} }, known);
  const mutated = fc
    .tuple(shaped, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom<'replace' | 'null' | 'delete' | 'extra'>('replace', 'null', 'delete', 'extra'), hostileValue)
    .map(([v, path, how, h]) => mutate(v, path, how, h));
  const arbitraries = [
    { weight: op.multipart ? 1 : 3, arbitrary: json(shaped) },
    { weight: op.multipart ? 1 : 5, arbitrary: json(mutated) },
    { weight: 1, arbitrary: json(fc.jsonValue({ maxDepth: 4 })) },
    { weight: 2, arbitrary: rawJsonTexts.map((payload) => ({ type: 'application/json', payload })) },
    { weight: 1, arbitrary: otherContent.map(asPayload) },
    { weight: op.multipart ? 8 : 1, arbitrary: multipartBodies.map(asPayload) },
    { weight: 1, arbitrary: fc.constant({}) },
  ];
  return fc.oneof(...arbitraries);
}

// ---- URLs ----

/** Percent-encodes any string, lone surrogates included (as the bytes a careless client would send). */
export function pct(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(ch);
  }
  return out;
}

const rawSegments = fc.constantFrom('%', '%zz', '%FF', '%C0%80', '%ED%A0%80', '%00', '%2F', '..', '.', '%2e%2e', '-1', '0', '99999999999999999999', 'abc', 'NULL', '%20');

function pathValue(p: Parameter, known: KnownValues): fc.Arbitrary<string> {
  const plausibleValues = known[p.name] ?? known.id ?? [];
  return fc.oneof(
    { weight: 5, arbitrary: plausibleValues.length ? fc.constantFrom(...plausibleValues).map(pct) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: hostileStrings.filter((s) => s.length > 0 && s.length < 1000).map(pct) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map(pct) },
    { weight: 1, arbitrary: rawSegments },
  );
}

function queryString(doc: OpenApiDocument, op: Operation, known: KnownValues): fc.Arbitrary<string> {
  const param = (p: Parameter) =>
    fc.oneof(
      { weight: 3, arbitrary: plausible(doc, p.schema, known).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')) },
      { weight: 3, arbitrary: hostileStrings.filter((s) => s.length < 1000) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    ).map((v) => `${pct(p.name)}=${pct(v)}`);
  const pairs = op.queryParams.map((p) => fc.option(param(p), { freq: 2 }));
  const extras = fc.array(
    fc.oneof(
      fc.constantFrom('page=0', 'pageSize=100000', 'page=-1', 'page=1e9', 'unknown=1', 'q=%00', 'q=%ED%A0%80', 'q', '=', '&&', 'page=1&page=2', 'q[a]=1', '__proto__[x]=1', 'q=%'),
      fc.tuple(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 12 })).map(([k, v]) => `${pct(k)}=${pct(v)}`),
    ),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...pairs), extras).map(([ps, ex]) => [...ps.filter((x): x is string => !!x), ...ex].join('&'));
}

/** Requests for one operation: caller, path parameters, query and body, each plausible or hostile. */
export function requestArbitrary(doc: OpenApiDocument, op: Operation, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const caller: fc.Arbitrary<Caller> = op.auth ? fc.constant('anonymous') : fc.constantFrom<Caller>('admin', 'admin', 'admin', 'member', 'member', 'anonymous');
  const params = fc.tuple(...op.pathParams.map((p) => pathValue(p, known)));
  const query = op.queryParams.length || op.method === 'GET' ? queryString(doc, op, known) : fc.oneof(fc.constant(''), queryString(doc, op, known));
  const body = op.method === 'GET' ? fc.constant({} as { type?: string; payload?: string | Buffer }) : bodyArbitrary(doc, op, known);
  return fc.tuple(caller, params, query, body).map(([who, values, q, b]) => {
    let i = 0;
    const path = op.path.replace(/\{[^}]+\}/g, () => values[i++]);
    return {
      caller: who,
      method: op.method,
      url: q ? `${path}?${q}` : path,
      headers: (b.type ? { 'content-type': b.type } : {}) as Record<string, string>,
      payload: b.payload,
    };
  });
}
