import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { auditActionLabel, auditEntityLabel } from './audit-labels';

/** Every literal action and entity type the contexts write to the audit log, read from their sources. */
function auditedCodes(): { actions: Set<string>; entities: Set<string> } {
  const actions = new Set<string>();
  const entities = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !file.endsWith('.spec.ts')) {
        const text = readFileSync(file, 'utf8');
        if (!/audit\(|auditLog\.record|\.record\(m,/.test(text)) continue;
        for (const m of text.matchAll(/\baction: '([a-z][a-z.-]+)'/g)) actions.add(m[1]);
        for (const m of text.matchAll(/\bentityType: '([a-z][a-z_-]+)'/g)) entities.add(m[1]);
      }
    }
  };
  walk(path.resolve(__dirname, '../..'));
  return { actions, entities };
}

describe('audit log labels', () => {
  it('labels every action and entity type the contexts record, in Chinese and English', () => {
    const { actions, entities } = auditedCodes();
    expect(actions.size).toBeGreaterThan(10);
    const unlabelled = [...actions].filter((a) => auditActionLabel(a).zh === a).concat([...entities].filter((e) => auditEntityLabel(e).zh === e));
    expect(unlabelled).toEqual([]);
    // Actions composed at run time: the achievement lifecycle, organisation verification, refused sign-ins.
    for (const a of ['submit', 'approve', 'return', 'resubmit', 'withdraw', 'mark-transferred']) expect(auditActionLabel(`achievement.${a}`).zh).not.toBe(`achievement.${a}`);
    for (const a of ['revoke-broker-certificate', 'renew-broker-certificate', 'start-notice-major-project', 'fail-mid-term-major-project', 'complete-three-list-item']) expect(auditActionLabel(a).zh).not.toBe(a);
    for (const a of ['verify-organisation', 'reject-organisation', 'sign-in-failed', 'change-password-failed', 'sign-in-refused']) expect(auditActionLabel(a).zh).not.toBe(a);
  });

  it('shows an unknown code as itself', () => {
    expect(auditActionLabel('something.new')).toEqual({ zh: 'something.new', en: 'something.new' });
  });
});
