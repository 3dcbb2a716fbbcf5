import { MovableClock } from '@techbridge/platform';
import { addMember, createTestApp, Session, TestApp } from '../support/test-app';
import { createDemand } from '../demand/demand-helpers';
import { eventBody, publishAchievement, START } from '../roadshow/roadshow-helpers';
import { contractBody, makeWorld, registeredContract, World } from './contracts-helpers';

describe('contracts: broker performance figures (e2e)', () => {
  let t: TestApp;
  let w: World;
  let broker: Session;
  let other: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock(START) });
    w = await makeWorld(t);
    broker = await addMember(t.api, w.transfer, ['broker']);
    other = await addMember(t.api, w.transfer, ['broker']);
    const set = await t.api.put(`contracts/brokers/${broker.user.id}`, { tier: 'senior', filingNumber: `JJR-${Date.now()}` }, { token: w.transfer.accessToken });
    expect(set.status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a new broker starts at zero on every figure', async () => {
    const b = (await t.api.get(`contracts/brokers/${broker.user.id}`, { token: w.university.accessToken })).body;
    expect(b.performance).toEqual({
      contractsRegistered: 0, contractAmount: 0, technologyAmount: 0, contractsInProgress: 0, matchesTaken: 0, matchesMovedForward: 0, matchesSigned: 0, eventsOrganised: 0, eventsUpcoming: 0,
    });
  });

  it('counts the matches the broker moved forward and the roadshows it organised, beside its registered contracts', async () => {
    const achievement = (title: string) => publishAchievement(t.api, w.university, w.admin, { title, industry: 'energy-saving-environmental', field: 'air-pollution', keywords: ['脱硝'], trl: 7 });
    const [a1, a2, a3] = [await achievement('低温SCR脱硝催化剂'), await achievement('烧结烟气一体化脱硫脱硝'), await achievement('活性焦烟气净化工艺')];
    const demand = await createDemand(t.api, w.enterprise);
    const take = async (who: Session, achievementId: string) => {
      const r = await t.api.post('matches', { demandId: demand.id, achievementId }, { token: who.accessToken });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    const step = async (who: Session, id: string, action: string, extra: Record<string, unknown> = {}) => {
      const r = await t.api.post(`matches/${id}/transitions`, { action, ...extra }, { token: who.accessToken });
      expect(r.status).toBe(200);
    };
    // Match 1 carried to signature, match 2 contacted then closed, match 3 taken and moved by another broker.
    const m1 = await take(broker, a1);
    for (const a of ['contact', 'negotiate', 'sign']) await step(broker, m1, a);
    const m2 = await take(broker, a2);
    await step(broker, m2, 'contact');
    await step(broker, m2, 'close', { closeReason: 'price' });
    const m3 = await take(other, a3);
    await step(other, m3, 'contact');

    // Roadshows: one held, one open for registration, one draft and one cancelled (the last two do not count); one by the other broker.
    const create = async (who: Session, title: string) => (await t.api.post('roadshows', eventBody({ title }), { token: who.accessToken })).body.id as string;
    const act = async (id: string, action: string, extra: Record<string, unknown> = {}) => {
      const r = await t.api.post(`roadshows/${id}/transitions`, { action, ...extra }, { token: broker.accessToken });
      expect(r.status).toBe(200);
    };
    const held = await create(broker, '已举办路演');
    await act(held, 'open-registration');
    await act(held, 'close-registration');
    await t.drain();
    const open = await create(broker, '报名中路演');
    await act(open, 'open-registration');
    await create(broker, '草稿路演');
    const cancelled = await create(broker, '已取消路演');
    await act(cancelled, 'cancel', { reason: '场地变更' });
    const foreign = await create(other, '其他经纪人路演');
    expect((await t.api.post(`roadshows/${foreign}/transitions`, { action: 'open-registration' }, { token: other.accessToken })).status).toBe(200);
    t.clock.set('2026-06-10T05:00:00.000Z');
    await act(held, 'mark-held');

    t.clock.set('2026-09-15T02:00:00.000Z');
    await registeredContract(t, w.university, w.reviewer, contractBody(w, { title: '经纪人促成合同', brokerUserId: broker.user.id, signedOn: '2026-09-01' }));

    const b = (await t.api.get(`contracts/brokers/${broker.user.id}`, { token: w.university.accessToken })).body;
    expect(b.performance).toEqual({
      contractsRegistered: 1, contractAmount: 1_000_000, technologyAmount: 880_000, contractsInProgress: 0,
      matchesTaken: 2, matchesMovedForward: 2, matchesSigned: 1, eventsOrganised: 1, eventsUpcoming: 1,
    });
  });

  it('the register of filed brokers lists them with their record to signed-in users, page by page; anonymous callers get 401', async () => {
    const page = await t.api.get('contracts/brokers', { token: w.enterprise.accessToken, query: { pageSize: 100 } });
    expect(page.status).toBe(200);
    const listed = page.body.items.find((b: { userId: string }) => b.userId === broker.user.id);
    expect(listed).toMatchObject({ tier: 'senior', organisationId: w.transfer.organisation.id, performance: (await t.api.get(`contracts/brokers/${broker.user.id}`, { token: w.enterprise.accessToken })).body.performance });
    // Only filed brokers: a member with the broker role but no filing is not in the register.
    expect(page.body.items.some((b: { userId: string }) => b.userId === other.user.id)).toBe(false);
    expect(page.body.total).toBe(page.body.items.length);
    const second = await t.api.get('contracts/brokers', { token: w.enterprise.accessToken, query: { pageSize: 1, page: 2 } });
    expect(second.body.items).toHaveLength(page.body.total > 1 ? 1 : 0);
    expect((await t.api.get('contracts/brokers')).status).toBe(401);
  });
});
