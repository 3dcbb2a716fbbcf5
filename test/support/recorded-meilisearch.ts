import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Meilisearch as recorded: request/response pairs from Meilisearch's own documentation examples and its server's
 * snapshot tests (test/fixtures/meilisearch/recorded-pairs.json, sources listed per pair). A replay server on 127.0.0.1
 * answers each call with the recorded response of the pair a test names, after checking that the call is that pair's
 * route; `undocumented` checks a body against the documented parameters and types.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Pair {
  source: string;
  request: { method: string; route: string; body?: Json; query?: Record<string, string> };
  response: { status: number; body: Json };
}
interface Recording {
  documented: Record<string, { parameters: Record<string, string> } & Record<string, unknown>>;
  pairs: Record<string, Pair>;
}
const RECORDING: Recording = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'meilisearch', 'recorded-pairs.json'), 'utf8'));
export const documented = (name: string) => RECORDING.documented[name];

interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Json | undefined;
  pair: string;
}

/** Answers calls with recorded pairs, in the order a test expects them; anything else is a failure of the test. */
export class RecordedMeilisearch {
  readonly received: Received[] = [];
  readonly problems: string[] = [];
  private expected: Array<{ pair: string; response?: Json }> = [];
  private lastTaskUid: number | undefined;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.close();
    await once(this.server, 'close');
  }

  /** The pairs that must answer the next calls, in order; `response` replaces a recorded body (documented as derived). */
  expect(...pairs: Array<string | { pair: string; response: Json }>): void {
    this.received.length = 0;
    this.problems.length = 0;
    this.expected = pairs.map((p) => (typeof p === 'string' ? { pair: p } : p));
  }

  /** Every expected pair answered and nothing unexpected asked. */
  done(): void {
    expect(this.problems).toEqual([]);
    expect(this.expected.map((e) => e.pair)).toEqual([]);
  }

  body(pair: string): Json | undefined {
    return this.received.find((r) => r.pair === pair)?.body;
  }

  request(pair: string): Received {
    const found = this.received.find((r) => r.pair === pair);
    if (!found) throw new Error(`no call answered by ${pair}`);
    return found;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://replay');
    const next = this.expected.shift();
    const method = req.method ?? 'GET';
    if (!next) {
      this.problems.push(`unexpected ${method} ${url.pathname}`);
      return reply(res, 500, { message: 'not in the recording' });
    }
    const pair = RECORDING.pairs[next.pair];
    const route = new RegExp(`^${pair.request.route.replace('{index_uid}', '[^/]+').replace('{task_uid}', '(\\d+)')}$`);
    const match = route.exec(url.pathname);
    if (method !== pair.request.method || !match) {
      this.problems.push(`${method} ${url.pathname} is not ${next.pair} (${pair.request.method} ${pair.request.route})`);
      return reply(res, 500, { message: 'not this pair' });
    }
    // A task is polled by the uid its enqueueing call returned.
    if (pair.request.route === '/tasks/{task_uid}' && Number(match[1]) !== this.lastTaskUid) this.problems.push(`polled task ${match[1]}, expected ${this.lastTaskUid}`);
    const body = text ? (JSON.parse(text) as Json) : undefined;
    this.received.push({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body, pair: next.pair });
    const response = next.response ?? pair.response.body;
    if (response && typeof response === 'object' && !Array.isArray(response) && typeof response.taskUid === 'number') this.lastTaskUid = response.taskUid;
    return reply(res, pair.response.status, response);
  }
}

function reply(res: ServerResponse, status: number, body: Json): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function typeOf(value: Json): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Keys outside the documented list, or values of another type than documented (integer is a number too). */
export function undocumented(body: Json | undefined, parameters: Record<string, string>): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return ['body is not an object'];
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const want = parameters[key];
    const got = typeOf(value);
    if (!want) out.push(`${key} is not documented`);
    else if (want !== got && !(want === 'number' && got === 'integer')) out.push(`${key} is ${got}, documented as ${want}`);
  }
  return out;
}
