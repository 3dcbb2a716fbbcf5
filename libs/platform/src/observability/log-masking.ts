/**
 * PIPL: personal information never reaches a log line in clear. Mobile and landline numbers keep their first and last
 * digits, e-mail addresses their first character and domain, resident ID numbers (居民身份证号) their region and check
 * digits. Applied to every message and every field of every line (pino's log formatter and method hook), request URLs
 * included. Ids, trace ids and timestamps pass: a match must not touch letters or digits on either side.
 */
const RULES: Array<[RegExp, string]> = [
  // 18-character resident ID: 6-digit region, 8-digit birth date, 3-digit sequence, check digit (or X).
  [/(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g, '$1********$2'],
  // Mainland mobile numbers, with or without +86.
  [/(?<![0-9A-Za-z])((?:\+?86[- ]?)?1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g, '$1****$2'],
  // Landlines written with an area code and a dash (010-62780000, 0311-12345678).
  [/(?<![0-9A-Za-z])(0\d{2,3}-)\d{3,4}(\d{4})(?![0-9A-Za-z])/g, '$1****$2'],
  // E-mail addresses (percent-encoded @ in URLs too).
  [/([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@|%40)([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g, '$1***$2$3'],
];

export function maskText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Strings masked in plain objects, arrays and errors (depth-limited); class instances such as raw requests are left to their serializers. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: maskText(value.message), stack: value.stack ? maskText(value.stack) : undefined, ...(maskDeep({ ...value }, depth + 1) as object) };
  }
  if (!isPlain(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  query?: unknown;
  params?: unknown;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/** pino / pino-http options that mask every line: fields, messages and the request serializer's URL. */
export function maskedLogging() {
  return {
    formatters: { log: (object: Record<string, unknown>) => maskDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskText(a) : a)));
      },
    },
    serializers: {
      req: (req: SerializedRequest) => ({ ...req, url: req.url ? maskText(req.url) : req.url, query: maskDeep(req.query), params: maskDeep(req.params) }),
    },
  };
}
