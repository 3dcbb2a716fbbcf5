import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../../test/support/test-app';

/** Imports a fixture collection's files (achievements.jsonl, demands.jsonl) through the API, published, and waits for the worker. */
export async function importCollection(t: TestApp, token: string, dir: string, kinds: Array<'achievements' | 'demands'>): Promise<void> {
  for (const kind of kinds) {
    const body = readFileSync(join(dir, `${kind}.jsonl`), 'utf8');
    const res = await t.api.post(`imports/${kind}`, body, { token, query: { publish: 'true' }, headers: { 'content-type': 'application/x-ndjson' } });
    if (res.status !== 202) throw new Error(`import ${kind}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    await t.drain();
  }
}
