import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The controls an assessor checks (等保 2.0 level 2/3, 个人信息保护法, and the operations evidence of issue 19) must each
 * have a row in docs/OPERATIONS.md, and every test a row names must exist under that name: a renamed or deleted test
 * fails here rather than leaving the table pointing at nothing.
 */
const REQUIRED_CONTROLS = [
  'DJ-01', 'DJ-02', 'DJ-03', 'DJ-04', 'DJ-05', 'DJ-06', 'DJ-07', 'DJ-08', 'DJ-09', 'DJ-10', 'DJ-11', 'DJ-12',
  'PI-01', 'PI-02', 'PI-03', 'PI-04', 'PI-05', 'PI-06',
  'OP-01', 'OP-02', 'OP-03',
];

interface ControlRow {
  id: string;
  tests: Array<{ file: string; title: string }>;
}

function controlRows(markdown: string): ControlRow[] {
  const section = markdown.split(/^## Controls and their tests$/m)[1] ?? '';
  return section.split('\n').filter((l) => /^\| [A-Z]{2}-\d{2} \|/.test(l)).map((line) => {
    const cells = line.split('|').map((c) => c.trim());
    const tests = [...cells[4].matchAll(/`([^`]+\.ts)` › “([^”]+)”/g)].map((m) => ({ file: m[1], title: m[2] }));
    return { id: cells[1], tests };
  });
}

function declaresTest(source: string, title: string): boolean {
  // it('…'), it("…") or it(`…`) with exactly this title.
  return ["'", '"', '`'].some((q) => source.includes(`it(${q}${title}${q}`));
}

describe('compliance: every 等保 2.0 / PIPL control in docs/OPERATIONS.md points to a test that exists', () => {
  const rows = controlRows(readFileSync(path.join(ROOT, 'docs/OPERATIONS.md'), 'utf8'));

  it('lists every required control once, each with at least one test', () => {
    expect(rows.map((r) => r.id).sort()).toEqual([...REQUIRED_CONTROLS].sort());
    for (const r of rows) expect([r.id, r.tests.length > 0]).toEqual([r.id, true]);
  });

  it('every test named in the table is declared under that name in that file', () => {
    const missing: string[] = [];
    for (const r of rows) {
      for (const t of r.tests) {
        const file = path.join(ROOT, t.file);
        if (!existsSync(file)) missing.push(`${r.id}: ${t.file} does not exist`);
        else if (!declaresTest(readFileSync(file, 'utf8'), t.title)) missing.push(`${r.id}: ${t.file} has no test “${t.title}”`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('a missing test would be noticed', () => {
    expect(declaresTest("it('a real test', () => {})", 'a real test')).toBe(true);
    expect(declaresTest("it('a real test', () => {})", 'a renamed test')).toBe(false);
  });
});
