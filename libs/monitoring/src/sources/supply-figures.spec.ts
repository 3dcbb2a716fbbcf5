import { achievementFigures, demandFigures, eventFigures } from './supply-figures';

describe('supply and event figures', () => {
  const parks = ['p1', 'p2'];
  it('counts achievements and demands per park with industry and TRL breakdowns', () => {
    const a = achievementFigures([{ id: 'a1', park: 'p1', industry: 'digital', trl: 6 }, { id: 'a2', park: null, industry: 'digital', trl: 4 }], parks);
    expect(a.find((f) => f.park === 'p1' && f.breakdown === '')!.value).toBe(1);
    expect(a.find((f) => f.park === null && f.breakdown === 'industry:digital')!.records.map((r) => r.id)).toEqual(['a1', 'a2']);
    const d = demandFigures([{ id: 'd1', park: 'p2', industry: 'new-materials', minTrl: null }], parks);
    expect(d.filter((f) => f.breakdown.startsWith('trl:'))).toHaveLength(0);
    expect(d.find((f) => f.park === 'p2' && f.breakdown === '')!.value).toBe(1);
  });

  it('counts events, large roadshows, meetings and intentions by the event park', () => {
    const f = eventFigures([
      { id: 'e1', park: 'p1', large: true, meetingIds: ['m1', 'm2'], intentionMeetingIds: ['m1'] },
      { id: 'e2', park: 'p1', large: false, meetingIds: ['m3'], intentionMeetingIds: [] },
    ], parks);
    const get = (ind: string, park: string | null) => f.find((x) => x.indicator === ind && x.park === park && x.breakdown === '')!.value;
    expect([get('events-held', 'p1'), get('large-roadshows-held', null), get('event-meetings', 'p1'), get('event-intentions', null), get('events-held', 'p2')]).toEqual([2, 1, 3, 1, 0]);
  });
});
