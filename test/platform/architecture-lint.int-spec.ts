import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * ESLint's messages for pieces of code as if each stood at its file (nothing is written). One child process loads
 * ESLint once for every case: the config is ESM, which this CommonJS test runtime does not load itself.
 */
function lintAll(cases: Array<{ file: string; code: string }>): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: c.file });
        out.push(r.messages.map((m) => m.ruleId + ': ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, input: JSON.stringify(cases), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

/** `npm run lint` enforces the context order and what a context's index.ts exports. */
describe('architecture lint rules', () => {
  const index = 'libs/roadshow/src/index.ts';
  let results: string[][];
  beforeAll(() => {
    results = lintAll([
      { file: 'libs/demand/src/x.ts', code: `import { CatalogService } from '@techbridge/catalog';\nexport const x = CatalogService;\n` },
      { file: 'libs/catalog/src/x.ts', code: `import { DemandService } from '@techbridge/demand';\nexport const x = DemandService;\n` },
      { file: 'libs/catalog/src/x.ts', code: `import { EmbeddedStore } from '@techbridge/platform/search/embedded/embedded-store';\nexport const x = EmbeddedStore;\n` },
      { file: index, code: `export * from './roadshow.module';\nexport { RoadshowService } from './roadshow.service';\nexport { EventResponse } from './dto/roadshow.dto';\n` },
      { file: index, code: `export * from './dto/roadshow.dto';\n` },
      { file: index, code: `export { CreateEventDto } from './dto/roadshow.dto';\nexport { RoadshowRepository } from './roadshow.repository';\n` },
      { file: 'libs/monitoring/src/x.ts', code: `import { VoucherService } from '@techbridge/vouchers';\nexport const x = VoucherService;\n` },
      { file: 'test/market/x.e2e-spec.ts', code: `export async function f(t: { relay: { drainUntilEmpty(): Promise<number> } }) {\n  await t.relay.drainUntilEmpty();\n}\n` },
    ]);
  });

  it('a context imports only contexts below it, through their index', () => {
    expect(results[0]).toEqual([]);
    expect(results[1]).toEqual([expect.stringMatching(/^techbridge\/context-order: 'catalog' may not import 'demand'/)]);
    expect(results[2]).toEqual([expect.stringMatching(/^no-restricted-imports: .*through its index/)]);
  });

  it("a context's index.ts exports its module, facade services and response DTOs only", () => {
    expect(results[3]).toEqual([]);
    expect(results[4]).toEqual([expect.stringMatching(/^techbridge\/index-exports: Name what index.ts exports/)]);
    expect(results[5]).toEqual([expect.stringMatching(/'CreateEventDto' .* is none of them/), expect.stringMatching(/'RoadshowRepository' .* is none of them/)]);
  });

  it('every library under libs/ is a context in the order (a context added later is checked too)', () => {
    expect(results[6]).toEqual([expect.stringMatching(/^techbridge\/context-order: 'monitoring' may not import 'vouchers'/)]);
  });

  it('tests wait for the outbox on the real condition, not on one relay pass', () => {
    expect(results[7]).toEqual([expect.stringMatching(/^no-restricted-syntax: Use t.deliver\(\) or t.drain\(\)/)]);
  });

  it('the whole repository passes the rules (CI runs no separate lint step)', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '.'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('');
    expect(run.status).toBe(0);
  }, 300_000); // a hang guard: linting the repository takes ~25 s alone, longer beside another run
});
