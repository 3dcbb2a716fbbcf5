import fc from 'fast-check';
import { beijingInstant } from '../event-calendar';
import { hasParallelPresenter, planAgenda } from './agenda-planner';

const day = { startsAt: beijingInstant('2026-06-10', '09:00'), endsAt: beijingInstant('2026-06-10', '12:00') };

describe('agenda planner', () => {
  it('groups by theme and never puts one presenter in two parallel sessions', () => {
    const plan = planAgenda({
      days: [day],
      rooms: 2,
      presentationMinutes: 15,
      maxPerSession: 4,
      presentations: [
        { id: 'a1', presenterId: 'u1', industry: 'new-energy', order: 1 },
        { id: 'a2', presenterId: 'u2', industry: 'new-energy', order: 2 },
        { id: 'b1', presenterId: 'u1', industry: 'digital', order: 3 },
        { id: 'b2', presenterId: 'u3', industry: 'digital', order: 4 },
        { id: 'c1', presenterId: 'u4', industry: 'life-health', order: 5 },
      ],
    });
    expect(plan.unplaced).toEqual([]);
    expect(hasParallelPresenter(plan.sessions)).toBe(false);
    for (const s of plan.sessions) expect(new Set(s.items.map((i) => i.presentationId.charAt(0))).size).toBe(1);
    const energy = plan.sessions.find((s) => s.theme === 'new-energy')!;
    const digital = plan.sessions.find((s) => s.theme === 'digital')!;
    // u1 presents in both themes, so those two sessions must not run at the same time.
    expect(energy.startsAt.getTime() === digital.startsAt.getTime()).toBe(false);
  });

  it('property: no presenter in parallel sessions, every item inside opening hours', () => {
    const arb = fc.record({
      rooms: fc.integer({ min: 1, max: 4 }),
      per: fc.integer({ min: 1, max: 6 }),
      items: fc.array(fc.record({ presenter: fc.integer({ min: 0, max: 6 }), industry: fc.constantFrom('digital', 'new-energy', 'life-health', 'new-materials') }), { maxLength: 40 }),
    });
    fc.assert(
      fc.property(arb, ({ rooms, per, items }) => {
        const plan = planAgenda({
          days: [day],
          rooms,
          presentationMinutes: 10,
          maxPerSession: per,
          presentations: items.map((x, i) => ({ id: `p${i}`, presenterId: `u${x.presenter}`, industry: x.industry, order: i })),
        });
        expect(hasParallelPresenter(plan.sessions)).toBe(false);
        const placed = plan.sessions.flatMap((s) => s.items);
        expect(placed.length + plan.unplaced.length).toBe(items.length);
        for (const it of placed) {
          expect(it.startsAt.getTime()).toBeGreaterThanOrEqual(day.startsAt.getTime());
          expect(it.endsAt.getTime()).toBeLessThanOrEqual(day.endsAt.getTime());
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
