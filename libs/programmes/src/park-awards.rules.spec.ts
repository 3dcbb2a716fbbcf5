import { proposeAwards } from './park-awards.rules';

const park = (code: string, indexScore: number, indexRank: number | null, completion: number | null) => ({ park: code, parkName: { zh: code, en: code }, indexScore, indexRank, completion });

describe('park awards proposal', () => {
  it('ranks on index and completion, needs the minimum completion, proposes at most three with reasons', () => {
    const entries = proposeAwards([park('a', 80, 1, 0.5), park('b', 70, 2, 1), park('c', 60, 3, 0.8), park('d', 50, 4, 0.9), park('e', 40, 5, 0.7), park('x', 0, null, 1)]);
    expect(entries.map((e) => [e.park, e.proposed])).toEqual([['b', true], ['a', false], ['c', true], ['d', true], ['e', false]]);
    expect(entries[0].combined).toBe(91.25);
    expect(entries[1].reason.en).toContain('below 60%');
    expect(entries[4].reason.en).toContain('Not among the best 3');
  });
});
