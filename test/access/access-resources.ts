import { achievementBody } from '../catalog/fixtures';
import { multipartFile } from '../catalog/multipart';
import { contractBody, pdfUpload, submittedContract } from '../contracts/contracts-helpers';
import { createDemand, demandBody, proposalBody } from '../demand/demand-helpers';
import { eventBody } from '../roadshow/roadshow-helpers';
import { certifyBroker, TEST_COURSE_HOURS, testTrainingBase } from '../support/broker-certification';
import { Session, TestApp } from '../support/test-app';
import { AccessWorld, GroupName, OWNER_PARK } from './access-world';
import { VOUCHER_KINDS } from './access-vouchers';
import { FINANCE_KINDS } from './access-finance';

/**
 * The owner objects of the generated access suite, one kind per path template. An operation of the OpenAPI document
 * belongs to the kind with the longest template its path starts with; the kind builds an object (in each variant,
 * i.e. lifecycle state worth probing) and names the path parameters. A new route under a known template is probed
 * with no change here; a route under a new template fails the suite until a kind (or an allow-list entry) covers it.
 */
export type Params = Record<string, string>;

export interface FixtureContext {
  t: TestApp;
  w: AccessWorld;
}

export interface ResourceKind {
  /** Path template after /api/v1, e.g. `/achievements/{id}`. */
  template: string;
  /** Whose objects these are: their other organisation and lower role are probed. Platform-owned objects have none. */
  parties: GroupName[];
  /** Each variant builds a fresh object and returns the path parameters. */
  variants: Record<string, (ctx: FixtureContext) => Promise<Params>>;
}

let serial = 0;
const unique = (s: string) => `${s}（访问测试${++serial}）`;

async function expectStatus<T = any>(what: string, res: Promise<{ status: number; body: T }>, ...ok: number[]): Promise<T> {
  const r = await res;
  if (!ok.includes(r.status)) throw new Error(`fixture ${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const memo = new Map<string, Promise<unknown>>();
/** Objects several kinds depend on (a published achievement, an open quarter) are built once per test file. */
function once<T>(key: string, build: () => Promise<T>): Promise<T> {
  if (!memo.has(key)) memo.set(key, build());
  return memo.get(key) as Promise<T>;
}
export function resetFixtureMemo(): void {
  memo.clear();
}

// ---- catalog ----

async function draftAchievement({ t, w }: FixtureContext, owner: Session = w.groups.university.owner): Promise<string> {
  return (await expectStatus<any>('achievement', t.api.post('achievements', achievementBody({ title: unique('钙钛矿叠层光伏电池制备技术') }), { token: owner.accessToken }), 201)).id;
}

async function submittedAchievement(ctx: FixtureContext): Promise<string> {
  const id = await draftAchievement(ctx);
  await expectStatus('submit achievement', ctx.t.api.post(`achievements/${id}/submit`, {}, { token: ctx.w.groups.university.owner.accessToken }), 200);
  return id;
}

async function publishedAchievement(ctx: FixtureContext, owner?: Session): Promise<string> {
  const id = await draftAchievement(ctx, owner);
  await expectStatus('submit achievement', ctx.t.api.post(`achievements/${id}/submit`, {}, { token: (owner ?? ctx.w.groups.university.owner).accessToken }), 200);
  await expectStatus('approve achievement', ctx.t.api.post(`achievements/${id}/approve`, { comment: '同意' }, { token: ctx.w.admin.accessToken }), 200);
  return id;
}

/** The university owner's published achievement that demands, packages, roadshows and matches refer to. */
export const sharedAchievement = (ctx: FixtureContext) => once('achievement', () => publishedAchievement(ctx));
/** The other university's own published achievement (what it would present or propose with). */
export const otherUniversityAchievement = (ctx: FixtureContext) => once('other-achievement', () => publishedAchievement(ctx, ctx.w.groups.university.other));

async function attachment(ctx: FixtureContext, id: string): Promise<string> {
  const up = multipartFile('file', '成果说明.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n% access test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
  return (await expectStatus<any>('attachment', ctx.t.api.post(`achievements/${id}/attachments`, up.body, { token: ctx.w.groups.university.owner.accessToken, headers: up.headers }), 201)).id;
}

async function pkg(ctx: FixtureContext, publish: boolean): Promise<string> {
  const token = ctx.w.groups.transfer.owner.accessToken;
  const p = await expectStatus<any>('package', ctx.t.api.post('packages', { title: unique('光伏技术包'), theme: '分布式光伏', industry: 'new-energy', achievementIds: [await sharedAchievement(ctx)] }, { token }), 201);
  if (publish) await expectStatus('publish package', ctx.t.api.post(`packages/${p.id}/publish`, {}, { token }), 200);
  return p.id;
}

let catalogYear = 2030;
async function guideCatalog(ctx: FixtureContext, publish: boolean): Promise<{ id: string; achievementId: string }> {
  const token = ctx.w.admin.accessToken;
  const achievementId = await sharedAchievement(ctx);
  const c = await expectStatus<any>('guide catalog', ctx.t.api.post('guide-catalogs', { year: catalogYear++, industry: 'new-energy' }, { token }), 201);
  await expectStatus('guide catalog entry', ctx.t.api.put(`guide-catalogs/${c.id}/entries`, { achievementId, note: '适合园区分布式光伏示范' }, { token }), 200, 201);
  if (publish) await expectStatus('publish guide catalog', ctx.t.api.post(`guide-catalogs/${c.id}/publish`, {}, { token }), 200);
  return { id: c.id, achievementId };
}

// ---- demand and matching ----

const ownerDemand = (ctx: FixtureContext, visibility: string, publish: boolean) =>
  createDemand(ctx.t.api, ctx.w.groups.enterprise.owner, { title: unique('分布式光伏并网逆变器效率偏低'), industry: 'new-energy', field: 'photovoltaics', park: OWNER_PARK, visibility, minTrl: 4 }, publish);

async function proposal(ctx: FixtureContext): Promise<string> {
  const d = await ownerDemand(ctx, 'public', true);
  return (await expectStatus<any>('proposal', ctx.t.api.post(`demands/${d.id}/proposals`, proposalBody(), { token: ctx.w.groups.university.owner.accessToken }), 201)).id;
}

async function match(ctx: FixtureContext): Promise<string> {
  const d = await ownerDemand(ctx, 'public', true);
  const achievementId = await sharedAchievement(ctx);
  const m = await expectStatus<any>('take match', ctx.t.api.post('matches', { demandId: d.id, achievementId, note: '报价 120 万以内可谈' }, { token: ctx.w.groups.transfer.owner.accessToken }), 201);
  await expectStatus('match note', ctx.t.api.post(`matches/${m.id}/notes`, { body: '卖方底价 90 万' }, { token: ctx.w.groups.transfer.owner.accessToken }), 201);
  return m.id;
}

async function thesaurusEntry(ctx: FixtureContext): Promise<string> {
  const entry = { industry: 'new-energy', term: unique('光伏逆变'), synonyms: ['并网逆变器'] };
  return (await expectStatus<any>('thesaurus entry', ctx.t.api.post('thesaurus', entry, { token: ctx.w.admin.accessToken }), 201)).id;
}

// ---- roadshow ----

async function roadshow(ctx: FixtureContext, open: boolean): Promise<string> {
  const token = ctx.w.groups.transfer.owner.accessToken;
  const e = await expectStatus<any>('roadshow', ctx.t.api.post('roadshows', eventBody({ title: unique('新能源成果路演') }), { token }), 201);
  if (open) await expectStatus('open registration', ctx.t.api.post(`roadshows/${e.id}/transitions`, { action: 'open-registration' }, { token }), 200, 201);
  return e.id;
}

async function presentation(ctx: FixtureContext, accept: boolean): Promise<Params> {
  const id = await roadshow(ctx, true);
  const p = await expectStatus<any>('presentation', ctx.t.api.post(`roadshows/${id}/presentations`, { achievementId: await sharedAchievement(ctx) }, { token: ctx.w.groups.university.owner.accessToken }), 201);
  if (accept) {
    await expectStatus('accept presentation', ctx.t.api.post(`roadshows/${id}/presentations/${p.id}/decision`, { decision: 'accept' }, { token: ctx.w.groups.transfer.owner.accessToken }), 200, 201);
  }
  return { id, presentationId: p.id };
}

async function meetingRequest(ctx: FixtureContext): Promise<Params> {
  const { id, presentationId } = await presentation(ctx, true);
  const token = ctx.w.groups.enterprise.owner.accessToken;
  await expectStatus('participant', ctx.t.api.post(`roadshows/${id}/participants`, {}, { token }), 201);
  const r = await expectStatus<any>('meeting request', ctx.t.api.post(`roadshows/${id}/meeting-requests`, { presentationId, kind: 'must-meet' }, { token }), 201);
  return { id, presentationId, requestId: r.id };
}

async function meeting(ctx: FixtureContext): Promise<Params> {
  const { id } = await meetingRequest(ctx);
  const token = ctx.w.groups.transfer.owner.accessToken;
  await expectStatus('close registration', ctx.t.api.post(`roadshows/${id}/transitions`, { action: 'close-registration' }, { token }), 200, 201);
  await ctx.t.drain();
  const meetings = await expectStatus<any[]>('meetings', ctx.t.api.get(`roadshows/${id}/meetings`, { token }), 200);
  if (!meetings.length) throw new Error('fixture meeting: the scheduler placed no meeting');
  return { id, meetingId: meetings[0].id };
}

// ---- contracts ----

async function contract(ctx: FixtureContext, submit: boolean): Promise<string> {
  const { w, t } = ctx;
  // Sold by the university owner to the enterprise owner, facilitated by the broker's institution.
  const body = contractBody({ enterprise: w.groups.enterprise.owner, transfer: w.transferAdmin }, { title: unique('光伏逆变器专利实施许可合同'), signedOn: '2026-05-10', termFrom: '2026-05-10', termTo: '2029-05-09' });
  if (submit) {
    const c = await submittedContract(t, w.groups.university.owner, body);
    if (c.status !== 'under-review' || c.registrationInstitutionId !== w.groups.registrar.owner.organisation.id) throw new Error(`fixture contract not routed to the owner registrar: ${JSON.stringify(c)}`);
    return c.id;
  }
  const c = await expectStatus<any>('contract', t.api.post('contracts', body, { token: w.groups.university.owner.accessToken }), 201);
  const up = pdfUpload();
  await expectStatus('contract attachment', t.api.post(`contracts/${c.id}/attachment`, up.body, { token: w.groups.university.owner.accessToken, headers: up.headers }), 201);
  return c.id;
}

/** A major project proposed by the owners' park administration; in public notice when `notice`. */
async function majorProject({ t, w }: FixtureContext, notice: boolean): Promise<string> {
  // The park group's owner is a reviewer member; proposing is the administration's (its org-admin's) business.
  const p = await expectStatus<any>('major project', t.api.post('major-projects', { title: unique('氢能重卡燃料电池系统产业化'), summary: '依托高校燃料电池成果建设系统产线。', proposedLevel: 'city' }, { token: w.groups.park.owner.accessToken }), 201);
  if (notice) {
    for (const action of ['shortlist', 'start-notice']) await expectStatus('project step', t.api.post(`major-projects/${p.id}/transitions`, { action }, { token: w.admin.accessToken }), 200);
  }
  return p.id;
}

async function brokerProfile(ctx: FixtureContext): Promise<string> {
  const broker = ctx.w.groups.transfer.owner;
  await expectStatus('broker profile', ctx.t.api.put(`contracts/brokers/${broker.user.id}`, { tier: 'senior', filingNumber: `JJR-ACCESS-${++serial}` }, { token: ctx.w.transferAdmin.accessToken }), 200);
  return broker.user.id;
}

// ---- monitoring ----

export const OPEN_QUARTER = '2026Q2';
export const PUBLISHED_QUARTER = '2026Q1';

/** 2026Q2 open with the owner park's figures entered; returns the entry ids. */
const openQuarter = (ctx: FixtureContext) =>
  once('open-quarter', async () => {
    await expectStatus('open quarter', ctx.t.api.post('monitoring/quarters', { quarter: OPEN_QUARTER }, { token: ctx.w.admin.accessToken }), 201);
    return enterFigures(ctx);
  });

async function enterFigures(ctx: FixtureContext): Promise<string[]> {
  const entries = await expectStatus<any[]>(
    'park figures',
    ctx.t.api.put(`monitoring/quarters/${OPEN_QUARTER}/parks/${OWNER_PARK}/entries`, { entries: [{ indicator: 'high-tech-enterprises', value: 120 + ++serial }] }, { token: ctx.w.groups.park.owner.accessToken }),
    200,
  );
  return entries.map((e) => e.id);
}

/** 2026Q1 published (with the computed figures) and the 2026 index computed from it. */
const publishedQuarter = (ctx: FixtureContext) =>
  once('published-quarter', async () => {
    const token = ctx.w.admin.accessToken;
    await expectStatus('open past quarter', ctx.t.api.post('monitoring/quarters', { quarter: PUBLISHED_QUARTER }, { token }), 201);
    await expectStatus('publish quarter', ctx.t.api.post(`monitoring/quarters/${PUBLISHED_QUARTER}/publish`, {}, { token }), 200);
    await expectStatus('compute index', ctx.t.api.post('monitoring/innovation-index/2026/compute', {}, { token }), 200);
    const [row] = await ctx.t.db.dataSource.query(`SELECT id FROM monitoring_figure WHERE quarter_code = $1 AND park_code = $2 LIMIT 1`, [PUBLISHED_QUARTER, OWNER_PARK]);
    return String(row.id);
  });

// ---- market ----

async function marketListing(ctx: FixtureContext, list: boolean): Promise<string> {
  const owner = ctx.w.groups.university.owner.accessToken;
  const body = {
    subject: 'achievement', subjectId: await sharedAchievement(ctx), transferMode: 'exclusive', territory: '中国大陆', termMonths: 60, price: 1_000_000, priceKind: 'asking',
    paymentTerms: '签约后 30 日内付清', ipCovered: [], contact: { name: '技术转移中心' },
  };
  const l = await expectStatus<any>('market listing', ctx.t.api.post('market/listings', body, { token: owner }), 201);
  if (list) {
    await expectStatus('submit listing', ctx.t.api.post(`market/listings/${l.id}/transitions`, { action: 'submit' }, { token: owner }), 200);
    await expectStatus('approve listing', ctx.t.api.post(`market/listings/${l.id}/transitions`, { action: 'approve' }, { token: ctx.w.admin.accessToken }), 200);
  }
  return l.id;
}

async function marketIntent(ctx: FixtureContext, listingId: string, buyer: Session): Promise<string> {
  return (await expectStatus<any>('market intent', ctx.t.api.post(`market/listings/${listingId}/intents`, { message: '拟受让实施' }, { token: buyer.accessToken }), 201)).id;
}

/** A running notice: the university owner's listing, the enterprise owner's intent accepted, the price agreed. */
async function marketNotice(ctx: FixtureContext): Promise<string> {
  const listingId = await marketListing(ctx, true);
  const owner = ctx.w.groups.university.owner.accessToken;
  await expectStatus('accept intent', ctx.t.api.post(`market/intents/${await marketIntent(ctx, listingId, ctx.w.groups.enterprise.owner)}/accept`, {}, { token: owner }), 200);
  await expectStatus('agree deal', ctx.t.api.post(`market/listings/${listingId}/deal`, { amount: 900_000 }, { token: owner }), 200);
  const notices = await expectStatus<any>('notices', ctx.t.api.get('market/notices', { query: { pageSize: 100 } }), 200);
  return notices.items.find((n: any) => n.listingId === listingId).id;
}

async function marketObjection(ctx: FixtureContext): Promise<string> {
  const body = { realName: '李四', contactPhone: '0312-5550000', grounds: '权属存在争议', evidence: '见法院受理通知书' };
  const n = await expectStatus<any>('objection', ctx.t.api.post(`market/notices/${await marketNotice(ctx)}/objections`, body, { token: ctx.w.groups.transfer.owner.accessToken }), 201);
  return n.objections[0].id;
}

/** An announced auction of the university owner's listing (intents from both enterprises). */
async function marketAuction(ctx: FixtureContext): Promise<string> {
  const listingId = await marketListing(ctx, true);
  await marketIntent(ctx, listingId, ctx.w.groups.enterprise.owner);
  await marketIntent(ctx, listingId, ctx.w.groups.enterprise.other);
  const body = { startsAt: new Date(ctx.t.clock.now().getTime() + 3_600_000).toISOString(), durationMinutes: 60, startPrice: 100_000, reservePrice: 200_000, ladder: [{ from: 0, step: 10_000 }], depositAmount: 10_000 };
  return (await expectStatus<any>('auction', ctx.t.api.post(`market/listings/${listingId}/auctions`, body, { token: ctx.w.groups.university.owner.accessToken }), 201)).id;
}

async function marketBidder(ctx: FixtureContext): Promise<string> {
  const auctionId = await marketAuction(ctx);
  return (await expectStatus<any>('bidder', ctx.t.api.post(`market/auctions/${auctionId}/bidders`, { depositReference: 'BANK-ACCESS' }, { token: ctx.w.groups.enterprise.owner.accessToken }), 201)).id;
}

/** The enterprise owner asks the university owner for an introduction to a fresh published achievement. */
async function marketIntroduction(ctx: FixtureContext): Promise<string> {
  const body = { subject: 'achievement', subjectId: await publishedAchievement(ctx), message: '希望对接研发团队' };
  return (await expectStatus<any>('introduction', ctx.t.api.post('market/introductions', body, { token: ctx.w.groups.enterprise.owner.accessToken }), 201)).id;
}

async function confidentialFile(ctx: FixtureContext): Promise<Params> {
  const id = await marketListing(ctx, true);
  const up = pdfUpload();
  const f = await expectStatus<any>('confidential file', ctx.t.api.post(`market/listings/${id}/confidential-files`, up.body, { token: ctx.w.groups.university.owner.accessToken, headers: up.headers }), 201);
  return { id, fileId: f.id };
}

async function contractPayment(ctx: FixtureContext): Promise<string> {
  const contractId = await contract(ctx, false);
  const p = await expectStatus<any>('payment', ctx.t.api.post(`market/contracts/${contractId}/payments`, { receivedOn: '2026-05-20', amount: 100_000 }, { token: ctx.w.groups.university.owner.accessToken }), 201);
  return p.id;
}

/** The university owner orders a valuation of its listed listing from the transfer institution of the broker group. */
async function valuationOrder(ctx: FixtureContext): Promise<string> {
  const listingId = await marketListing(ctx, true);
  const body = { institutionId: ctx.w.groups.transfer.owner.organisation.id, note: '请评估' };
  return (await expectStatus<any>('valuation order', ctx.t.api.post(`market/listings/${listingId}/valuation-orders`, body, { token: ctx.w.groups.university.owner.accessToken }), 201)).id;
}

export const RESOURCE_KINDS: ResourceKind[] = [
  { template: '/organisations/{id}', parties: ['university'], variants: { default: async ({ w }) => ({ id: w.groups.university.owner.organisation.id }) } },
  {
    template: '/organisations/{id}/members/{userId}',
    parties: ['university'],
    variants: { default: async ({ w }) => ({ id: w.groups.university.owner.organisation.id, userId: w.groups.university.lower.user.id }) },
  },
  {
    // The owner park administration was told of its verification.
    template: '/notifications/{id}',
    parties: ['park'],
    variants: {
      default: async (ctx) => {
        const list = await expectStatus<any>('notifications', ctx.t.api.get('notifications', { token: ctx.w.groups.park.owner.accessToken }), 200);
        if (!list.items.length) throw new Error('fixture notification: the owner has none');
        return { id: list.items[0].id };
      },
    },
  },
  // Saved searches and favourites are personal: even the owner's colleague (the lower party) gets 404.
  {
    template: '/saved-searches/{id}',
    parties: ['enterprise'],
    variants: {
      default: async (ctx) => ({
        id: (await expectStatus<any>('saved search', ctx.t.api.post('saved-searches', { subject: 'achievement', name: unique('光伏'), q: '光伏' }, { token: ctx.w.groups.enterprise.owner.accessToken }), 201)).id,
      }),
    },
  },
  {
    template: '/favourites/{id}',
    parties: ['enterprise'],
    variants: {
      default: async (ctx) => {
        const targetId = await sharedAchievement(ctx);
        return { id: (await expectStatus<any>('favourite', ctx.t.api.post('favourites', { subject: 'achievement', targetId }, { token: ctx.w.groups.enterprise.owner.accessToken }), 201, 200)).id };
      },
    },
  },
  {
    template: '/achievements/{id}',
    parties: ['university'],
    variants: {
      draft: async (ctx) => ({ id: await draftAchievement(ctx) }),
      submitted: async (ctx) => ({ id: await submittedAchievement(ctx) }),
      published: async (ctx) => ({ id: await publishedAchievement(ctx) }),
    },
  },
  {
    template: '/achievements/{id}/attachments/{attachmentId}',
    parties: ['university'],
    variants: {
      draft: async (ctx) => {
        const id = await draftAchievement(ctx);
        return { id, attachmentId: await attachment(ctx, id) };
      },
    },
  },
  { template: '/taxonomy/parks/{code}', parties: [], variants: { default: async () => ({ code: OWNER_PARK }) } },
  {
    template: '/imports/{id}',
    parties: ['university'],
    variants: {
      default: async ({ t, w }) => {
        const owner = w.groups.university.owner;
        const line = JSON.stringify({
          externalId: `access-${++serial}`, source: 'access-test', title: unique('燃料电池膜电极批量制备技术'), summary: '膜电极铂载量降低至0.2 mg/cm²，功率密度达到1.2 W/cm²，可应用于氢燃料电池汽车和备用电源。',
          keywords: ['膜电极'], industry: 'new-energy', field: 'hydrogen', trl: 6, transferModes: ['license'], owner: { name: owner.organisation.name, type: 'university', region: 'HE' },
        });
        const job = await expectStatus<any>('import', t.api.post('imports/achievements', line + '\n', { token: owner.accessToken, headers: { 'content-type': 'application/x-ndjson' } }), 202);
        await t.drain();
        return { id: job.id };
      },
    },
  },
  { template: '/packages/{id}', parties: ['transfer'], variants: { draft: async (ctx) => ({ id: await pkg(ctx, false) }), published: async (ctx) => ({ id: await pkg(ctx, true) }) } },
  {
    template: '/guide-catalogs/{id}',
    parties: [],
    variants: { draft: async (ctx) => ({ id: (await guideCatalog(ctx, false)).id }), published: async (ctx) => ({ id: (await guideCatalog(ctx, true)).id }) },
  },
  { template: '/guide-catalogs/{id}/entries/{achievementId}', parties: [], variants: { draft: async (ctx) => guideCatalog(ctx, false) } },
  {
    template: '/demands/{id}',
    parties: ['enterprise'],
    variants: {
      draft: async (ctx) => ({ id: (await ownerDemand(ctx, 'public', false)).id }),
      'brokers-only': async (ctx) => ({ id: (await ownerDemand(ctx, 'brokers', true)).id }),
    },
  },
  { template: '/proposals/{id}', parties: ['university', 'enterprise'], variants: { default: async (ctx) => ({ id: await proposal(ctx) }) } },
  { template: '/matches/{id}', parties: ['transfer', 'enterprise', 'university'], variants: { taken: async (ctx) => ({ id: await match(ctx) }) } },
  { template: '/thesaurus/{id}', parties: [], variants: { default: async (ctx) => ({ id: await thesaurusEntry(ctx) }) } },
  {
    template: '/roadshows/{id}',
    parties: ['transfer'],
    variants: { planned: async (ctx) => ({ id: await roadshow(ctx, false) }), 'registration-open': async (ctx) => ({ id: await roadshow(ctx, true) }) },
  },
  { template: '/roadshows/{id}/presentations/{presentationId}', parties: ['transfer', 'university'], variants: { applied: async (ctx) => presentation(ctx, false) } },
  { template: '/roadshows/{id}/meeting-requests/{requestId}', parties: ['enterprise', 'transfer'], variants: { default: async (ctx) => meetingRequest(ctx) } },
  { template: '/roadshows/{id}/meetings/{meetingId}', parties: ['transfer', 'enterprise', 'university'], variants: { scheduled: async (ctx) => meeting(ctx) } },
  {
    // A message the relay gave up on; only platform administrators see and retry dead letters.
    template: '/outbox/dead-letters/{id}',
    parties: [],
    variants: {
      dead: async ({ t }) => {
        const [row] = await t.db.dataSource.query(
          `INSERT INTO outbox_message (kind, target, key, payload, attempts, dead_at, last_error) VALUES ('job', 'access-test', NULL, '{}', 5, now(), 'access test') RETURNING id`,
        );
        return { id: String(row.id) };
      },
    },
  },
  { template: '/contracts/holidays/{day}', parties: [], variants: { default: async () => ({ day: '2026-10-01' }) } },
  { template: '/contracts/rewards/{year}', parties: [], variants: { default: async () => ({ year: '2026' }) } },
  { template: '/contracts/institutions/{orgId}', parties: ['registrar'], variants: { default: async ({ w }) => ({ orgId: w.groups.registrar.owner.organisation.id }) } },
  { template: '/contracts/brokers/{userId}', parties: ['transfer'], variants: { default: async (ctx) => ({ userId: await brokerProfile(ctx) }) } },
  {
    template: '/contracts/{id}',
    parties: ['university', 'registrar'],
    variants: { draft: async (ctx) => ({ id: await contract(ctx, false) }), 'under-review': async (ctx) => ({ id: await contract(ctx, true) }) },
  },
  {
    template: '/monitoring/quarters/{quarter}',
    parties: ['park'],
    variants: {
      open: async (ctx) => {
        await openQuarter(ctx);
        return { quarter: OPEN_QUARTER, park: OWNER_PARK };
      },
    },
  },
  {
    template: '/monitoring/entries/{id}',
    parties: ['park'],
    variants: {
      submitted: async (ctx) => {
        await openQuarter(ctx);
        return { id: (await enterFigures(ctx))[0] };
      },
    },
  },
  {
    template: '/monitoring/reports/{quarter}',
    parties: ['park'],
    variants: {
      published: async (ctx) => {
        await publishedQuarter(ctx);
        return { quarter: PUBLISHED_QUARTER };
      },
    },
  },
  { template: '/monitoring/figures/{id}', parties: ['park'], variants: { published: async (ctx) => ({ id: await publishedQuarter(ctx) }) } },
  // ---- brokers: courses are public; an enrolment and a certificate belong to the trainee (a broker) and the base ----
  {
    template: '/broker-courses/{id}',
    parties: [],
    variants: {
      default: async ({ t }) => {
        const { base } = await testTrainingBase(t.api);
        return { id: (await expectStatus<any>('course', t.api.post('broker-courses', { title: unique('技术经纪人初级培训'), level: 'junior', hours: TEST_COURSE_HOURS }, { token: base.accessToken }), 201)).id };
      },
    },
  },
  {
    template: '/broker-enrolments/{id}',
    parties: ['transfer'],
    variants: {
      enrolled: async ({ t, w }) => {
        const { base } = await testTrainingBase(t.api);
        const course = await expectStatus<any>('course', t.api.post('broker-courses', { title: unique('技术经纪人高级研修'), level: 'senior', hours: TEST_COURSE_HOURS }, { token: base.accessToken }), 201);
        return { id: (await expectStatus<any>('enrol', t.api.post(`broker-courses/${course.id}/enrolments`, {}, { token: w.groups.transfer.owner.accessToken }), 201)).id };
      },
    },
  },
  { template: '/broker-certificates/{id}', parties: ['transfer'], variants: { active: async ({ t, w }) => ({ id: (await certifyBroker(t.api, w.groups.transfer.owner, { freshCourse: true })).id }) } },
  {
    template: '/broker-certificates/lookup/{number}',
    parties: [],
    variants: { default: async ({ t, w }) => ({ number: (await certifyBroker(t.api, w.groups.transfer.owner, { freshCourse: true })).number }) },
  },
  // ---- programmes: a park administration's major project, private while proposed, public in notice ----
  {
    template: '/major-projects/{id}',
    parties: ['park'],
    variants: {
      proposed: async (ctx) => ({ id: await majorProject(ctx, false) }),
      'public-notice': async (ctx) => ({ id: await majorProject(ctx, true) }),
    },
  },
  {
    template: '/major-projects/{id}/objections/{objectionId}',
    parties: ['park'],
    variants: {
      open: async (ctx) => {
        const id = await majorProject(ctx, true);
        const o = await expectStatus<any>('objection', ctx.t.api.post(`major-projects/${id}/objections`, { realName: '赵六', phone: '13600136000', grounds: '该项目申报材料需要核实。' }, { token: ctx.w.groups.university.owner.accessToken }), 201);
        return { id, objectionId: o.id };
      },
    },
  },
  // No round is built: strangers get 404 for an unpublished year and the guard's 403 on the administrators' steps.
  { template: '/park-awards/{year}', parties: [], variants: { default: async () => ({ year: '2026' }) } },
  { template: '/parks/{code}/three-lists/{year}', parties: ['park'], variants: { default: async () => ({ code: OWNER_PARK, year: '2026' }) } },
  {
    template: '/three-list-items/{id}',
    parties: ['park'],
    variants: {
      planned: async ({ t, w }) => ({
        id: (await expectStatus<any>('list item', t.api.post(`parks/${OWNER_PARK}/three-lists/2026/items`, { kind: 'docking', title: unique('对接氢能储运成果') }, { token: w.groups.park.owner.accessToken }), 201)).id,
      }),
    },
  },
  {
    template: '/monitoring/innovation-index/{year}',
    parties: [],
    variants: {
      computed: async (ctx) => {
        await publishedQuarter(ctx);
        return { year: '2026' };
      },
    },
  },  {
    template: '/content/{id}',
    parties: [],
    variants: { draft: async (ctx) => ({ id: await article(ctx, false) }), published: async (ctx) => ({ id: await article(ctx, true) }) },
  },
  { template: '/content/{id}/attachments/{attachmentId}', parties: [], variants: { draft: async (ctx) => articleAttachment(ctx, false), published: async (ctx) => articleAttachment(ctx, true) } },
  {
    template: '/market/listings/{id}',
    parties: ['university'],
    variants: { draft: async (ctx) => ({ id: await marketListing(ctx, false) }), listed: async (ctx) => ({ id: await marketListing(ctx, true) }) },
  },
  {
    template: '/market/intents/{id}',
    parties: ['enterprise', 'university'],
    variants: { open: async (ctx) => ({ id: await marketIntent(ctx, await marketListing(ctx, true), ctx.w.groups.enterprise.owner) }) },
  },
  { template: '/market/notices/{id}', parties: ['university', 'enterprise'], variants: { running: async (ctx) => ({ id: await marketNotice(ctx) }) } },
  { template: '/market/objections/{id}', parties: ['university'], variants: { open: async (ctx) => ({ id: await marketObjection(ctx) }) } },
  { template: '/market/auctions/{id}', parties: ['university'], variants: { announced: async (ctx) => ({ id: await marketAuction(ctx) }) } },
  // An expert a university registered in the public directory.
  {
    template: '/experts/{id}', parties: ['university'],
    variants: {
      listed: async (ctx) => ({
        id: (await expectStatus<any>('expert', ctx.t.api.post('experts', { name: unique('访问测试专家'), title: '教授', fields: ['hydrogen'] }, { token: ctx.w.groups.university.owner.accessToken }), 201)).id,
      }),
    },
  },
  // A roadshow event in which auctions may be held as sessions (the auctions themselves are public market information).
  { template: '/market/roadshows/{eventId}', parties: ['transfer'], variants: { 'registration-open': async (ctx) => ({ eventId: await roadshow(ctx, true) }) } },
  { template: '/market/bidders/{id}', parties: ['enterprise'], variants: { recorded: async (ctx) => ({ id: await marketBidder(ctx) }) } },
  { template: '/market/contracts/{contractId}', parties: ['university'], variants: { draft: async (ctx) => ({ contractId: await contract(ctx, false) }) } },
  { template: '/market/payments/{id}', parties: ['university'], variants: { recorded: async (ctx) => ({ id: await contractPayment(ctx) }) } },
  { template: '/market/valuation-orders/{id}', parties: ['university', 'transfer'], variants: { requested: async (ctx) => ({ id: await valuationOrder(ctx) }) } },
  { template: '/market/introductions/{id}', parties: ['enterprise', 'university'], variants: { requested: async (ctx) => ({ id: await marketIntroduction(ctx) }) } },
  { template: '/market/listings/{id}/confidential-files/{fileId}', parties: ['university'], variants: { listed: async (ctx) => confidentialFile(ctx) } },
  ...VOUCHER_KINDS,
  ...FINANCE_KINDS,
];

// ---- content (platform-owned: written by platform administrators) ----

async function article(ctx: FixtureContext, publish: boolean): Promise<string> {
  const token = ctx.w.admin.accessToken;
  const a = await expectStatus<any>('article', ctx.t.api.post('content', { kind: 'policy', title: unique('科技成果转化奖补办法'), bodyHtml: '<p>对技术合同给予奖补。</p>' }, { token }), 201);
  if (publish) await expectStatus('publish article', ctx.t.api.post(`content/${a.id}/transitions`, { action: 'publish' }, { token }), 200);
  return a.id;
}

async function articleAttachment(ctx: FixtureContext, publish: boolean): Promise<Params> {
  const id = await article(ctx, false);
  const up = multipartFile('file', '办法全文.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n% access test\n%%EOF\n'));
  const file = await expectStatus<any>('article attachment', ctx.t.api.post(`content/${id}/attachments`, up.body, { token: ctx.w.admin.accessToken, headers: up.headers }), 201);
  if (publish) await expectStatus('publish article', ctx.t.api.post(`content/${id}/transitions`, { action: 'publish' }, { token: ctx.w.admin.accessToken }), 200);
  return { id, attachmentId: file.id };
}
