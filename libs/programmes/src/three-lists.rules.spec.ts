import { completion } from './three-lists.rules';

describe('three lists completion', () => {
  it('counts a landed deal only with its proof; dropped items leave the plan', () => {
    const c = completion([
      { kind: 'docking', status: 'done', linked: false },
      { kind: 'docking', status: 'in-progress', linked: false },
      { kind: 'measure', status: 'dropped', linked: false },
      { kind: 'measure', status: 'done', linked: false },
      { kind: 'landing', status: 'done', linked: false },
      { kind: 'landing', status: 'done', linked: true },
    ]);
    expect(c.lists).toEqual([
      { kind: 'docking', planned: 2, done: 1, counted: 1, ratio: 0.5 },
      { kind: 'measure', planned: 1, done: 1, counted: 1, ratio: 1 },
      { kind: 'landing', planned: 2, done: 2, counted: 1, ratio: 0.5 },
    ]);
    expect(c.overall).toBe(0.6);
    expect(completion([]).overall).toBeNull();
  });
});
