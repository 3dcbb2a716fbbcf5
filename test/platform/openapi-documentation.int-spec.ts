import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildApiDocument } from '../../scripts/api-types';

/**
 * The API documentation: every operation should say what it does (summary) and what it answers (a schema for its
 * success response; 204 has none). The operations that predate this rule and still lack one are listed in
 * openapi-documentation-debt.json: a new operation must be complete, and a listed one that gets fixed must leave
 * the list (run with UPDATE_OPENAPI_DEBT=1 to rewrite it), so the counts only go down.
 */
const DEBT_FILE = path.resolve(__dirname, 'openapi-documentation-debt.json');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface Operation {
  summary?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export function documentationGaps(doc: OpenAPIObject): { operations: number; noSummary: string[]; noResponseSchema: string[] } {
  const noSummary: string[] = [];
  const noResponseSchema: string[] = [];
  let operations = 0;
  for (const [route, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (!METHODS.includes(method)) continue;
      operations++;
      const name = `${method.toUpperCase()} ${route}`;
      if (!op.summary?.trim()) noSummary.push(name);
      const success = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
      if (!success.some(([code, r]) => code === '204' || Object.values(r.content ?? {}).some((c) => !!c.schema))) noResponseSchema.push(name);
    }
  }
  return { operations, noSummary: noSummary.sort(), noResponseSchema: noResponseSchema.sort() };
}

describe('API documentation (OpenAPI)', () => {
  it('every new operation has a summary and a response schema; the listed older gaps only shrink', async () => {
    const gaps = documentationGaps(await buildApiDocument());
    // The figures people ask for: how many operations, how many still lack either.
    console.log(`OpenAPI: ${gaps.operations} operations, ${gaps.noSummary.length} without a summary, ${gaps.noResponseSchema.length} without a response schema`);
    if (process.env.UPDATE_OPENAPI_DEBT === '1' || !existsSync(DEBT_FILE)) {
      writeFileSync(DEBT_FILE, JSON.stringify({ noSummary: gaps.noSummary, noResponseSchema: gaps.noResponseSchema }, null, 2) + '\n');
    }
    const debt = JSON.parse(readFileSync(DEBT_FILE, 'utf8')) as { noSummary: string[]; noResponseSchema: string[] };
    expect(gaps.operations).toBeGreaterThan(150);
    // New gaps: an operation added (or changed) without documentation.
    expect(gaps.noSummary.filter((o) => !debt.noSummary.includes(o))).toEqual([]);
    expect(gaps.noResponseSchema.filter((o) => !debt.noResponseSchema.includes(o))).toEqual([]);
    // Paid debt: remove it from the list so it cannot come back.
    expect(debt.noSummary.filter((o) => !gaps.noSummary.includes(o))).toEqual([]);
    expect(debt.noResponseSchema.filter((o) => !gaps.noResponseSchema.includes(o))).toEqual([]);
  });

  it('counts what it claims to count', () => {
    const doc = {
      openapi: '3.0.0', info: { title: 't', version: '1' },
      paths: {
        '/a': { get: { summary: 'A', responses: { '200': { description: '', content: { 'application/json': { schema: { type: 'object' } } } } } } },
        '/b': { post: { responses: { '201': { description: '' } } }, delete: { summary: 'B', responses: { '204': { description: '' } } } },
      },
    } as unknown as OpenAPIObject;
    expect(documentationGaps(doc)).toEqual({ operations: 3, noSummary: ['POST /b'], noResponseSchema: ['POST /b'] });
  });
});
