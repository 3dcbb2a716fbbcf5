import { multipartFile } from '../catalog/multipart';
import { randomCreditCode } from '../support/test-app';
import type { AllowEntry } from './access-allow-list';
import type { ProbeBody } from './access-bodies';
import type { FixtureContext, Params, ResourceKind } from './access-resources';

/**
 * The vouchers and instruments contexts in the generated access suite: their owner objects (a programme of the owner
 * park, an issued voucher of the owner enterprise, the owner university's provider record, instrument, booking by
 * the owner enterprise and subsidy claim), the bodies their probes send, and what is right by design.
 */
let serial = 0;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const memo = new Map<string, Promise<unknown>>();
function once<T>(key: string, build: () => Promise<T>): Promise<T> {
  if (!memo.has(key)) memo.set(key, build());
  return memo.get(key) as Promise<T>;
}

async function ok<T = any>(what: string, res: Promise<{ status: number; body: T }>, ...codes: number[]): Promise<T> {
  const r = await res;
  if (!codes.includes(r.status)) throw new Error(`fixture ${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const programme = ({ t, w }: FixtureContext) =>
  once('voucher-programme', async () => {
    const now = t.clock.now().getTime();
    return (await ok<any>('voucher programme', t.api.post('voucher-programmes', {
      name: '访问控制测试创新券', budgetFen: 100_000_000, yearlyCapFen: 100_000_000, faceValuesFen: [10_000], validityDays: 365,
      categories: ['testing-inspection'], rules: [], rounds: [{ opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 400 * DAY).toISOString(), quotaFen: 100_000_000 }],
    }, { token: w.groups.park.owner.accessToken }), 201)).id as string;
  });

async function issuedVoucher(ctx: FixtureContext): Promise<string> {
  const { t, w } = ctx;
  const programmeId = await programme(ctx);
  const applied = await ok<any>('voucher application', t.api.post('vouchers', {
    programmeId, requestedFen: 10_000, legalRepresentative: '访问测试法人', evidence: { staff: 10, revenueYuan: 1_000_000, rdSharePercent: 5, ipRights: 1 },
  }, { token: w.groups.enterprise.owner.accessToken }), 201);
  await ok('voucher issue', t.api.post(`vouchers/${applied.id}/issue`, {}, { token: w.groups.park.owner.accessToken }), 200);
  return applied.id;
}

const provider = ({ t, w }: FixtureContext) =>
  once('voucher-provider', async () =>
    (await ok<any>('provider', t.api.post('service-providers', { legalRepresentative: '访问测试院长', categories: ['testing-inspection'] }, { token: w.groups.university.owner.accessToken }), 201)).id as string);

const registerInstrument = async ({ t, w }: FixtureContext) =>
  (await ok<any>('instrument', t.api.post('instruments', {
    name: '访问控制测试质谱仪', model: 'MS-1', originalValue: 1_000_000, location: '测试楼', approvalRequired: true,
    serviceItems: [{ name: '测试', unit: 'hour', internalPrice: 100, externalPrice: 200 }],
  }, { token: w.groups.university.owner.accessToken }), 201)) as { id: string; serviceItems: Array<{ id: string }> };
/** The bookings' instrument stays shared; the instrument kind gets a fresh one, since a probe may withdraw it. */
const instrument = (ctx: FixtureContext) => once('instrument', () => registerInstrument(ctx));

function nextSlot(ctx: FixtureContext): { start: string; end: string } {
  const start = ctx.t.clock.now().getTime() + 30 * DAY + ++serial * 3 * HOUR;
  return { start: new Date(start).toISOString(), end: new Date(start + 2 * HOUR).toISOString() };
}

async function booking(ctx: FixtureContext): Promise<string> {
  const i = await instrument(ctx);
  return (await ok<any>('booking', ctx.t.api.post(`instruments/${i.id}/bookings`, { serviceItemId: i.serviceItems[0].id, ...nextSlot(ctx) }, { token: ctx.w.groups.enterprise.owner.accessToken }), 201)).id;
}

/** A fresh relation each time: a probe that may delete one deletes it. */
const relation = async ({ t, w }: FixtureContext) =>
  (await ok<any>('party relation', t.api.post('voucher-party-relations', { shareholderCreditCode: randomCreditCode(), heldCreditCode: randomCreditCode() }, { token: w.groups.park.owner.accessToken }), 201)).id as string;

const subsidyClaim = ({ t, w }: FixtureContext) =>
  once('subsidy-claim', async () => (await ok<any>('subsidy claim', t.api.post('instrument-subsidy-claims', { year: 2026 }, { token: w.groups.university.owner.accessToken }), 201)).id as string);

export const VOUCHER_KINDS: ResourceKind[] = [
  { template: '/voucher-programmes/{id}', parties: ['park'], variants: { open: async (ctx): Promise<Params> => ({ id: await programme(ctx) }) } },
  { template: '/vouchers/{id}', parties: ['enterprise', 'park'], variants: { issued: async (ctx) => ({ id: await issuedVoucher(ctx) }) } },
  { template: '/vouchers/{id}/claim-documents/{kind}', parties: ['enterprise', 'park'], variants: { issued: async (ctx) => ({ id: await issuedVoucher(ctx), kind: 'contract' }) } },
  { template: '/service-providers/{id}', parties: ['university'], variants: { default: async (ctx) => ({ id: await provider(ctx) }) } },
  { template: '/instruments/{id}', parties: ['university'], variants: { active: async (ctx) => ({ id: (await registerInstrument(ctx)).id }) } },
  {
    template: '/instruments/{id}/photos/{photoId}', parties: ['university'],
    variants: {
      active: async (ctx) => {
        const i = await registerInstrument(ctx);
        const up = multipartFile('file', 'photo.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        const withPhoto = await ok<any>('photo', ctx.t.api.post(`instruments/${i.id}/photos`, up.body, { token: ctx.w.groups.university.owner.accessToken, headers: up.headers }), 200);
        return { id: i.id, photoId: withPhoto.photoIds[0] };
      },
    },
  },
  { template: '/voucher-party-relations/{id}', parties: ['park'], variants: { recorded: async (ctx) => ({ id: await relation(ctx) }) } },
  { template: '/instrument-bookings/{id}', parties: ['enterprise', 'university'], variants: { requested: async (ctx) => ({ id: await booking(ctx) }) } },
  { template: '/instrument-subsidy-claims/{id}', parties: ['university'], variants: { computed: async (ctx) => ({ id: await subsidyClaim(ctx) }) } },
];

type BodyFor = (c: { fx: FixtureContext; caller: { user: { id: string } } | null; params: Params }) => Promise<ProbeBody> | ProbeBody;

export const VOUCHER_BODIES: Record<string, BodyFor> = {
  // Rules the fixture's applications still pass (the programme is shared by every voucher fixture).
  'PUT /voucher-programmes/{id}/rules': () => ({ payload: { rules: [{ rule: 'ip-rights-min', figure: 1 }] } }),
  'POST /voucher-programmes/{id}/recorded-vouchers': ({ fx }) => ({
    payload: {
      enterpriseOrgId: fx.w.groups.enterprise.owner.organisation.id, externalNumber: `TJ-ACCESS-${++serial}`, amountFen: 10_000,
      expiresAt: new Date(fx.t.clock.now().getTime() + 90 * DAY).toISOString(), legalRepresentative: '访问测试法人',
    },
  }),
  'POST /vouchers/{id}/claim': () => ({ payload: { invoiceNumber: `ACCESS${process.pid}${++serial}`, invoiceFen: 10_000 } }),
  'POST /vouchers/{id}/claim-documents/{kind}': () => {
    const up = multipartFile('file', 'contract.pdf', 'application/pdf', Buffer.from('%PDF-1.4 access'));
    return { payload: up.body, headers: up.headers };
  },
  'POST /instruments/{id}/photos': () => {
    const up = multipartFile('file', 'photo.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    return { payload: up.body, headers: up.headers };
  },
  'POST /instruments/{id}/trainings': ({ caller }) => ({ payload: { userId: caller?.user.id ?? '00000000-0000-4000-8000-000000000002', trainedOn: '2026-01-05' } }),
  'POST /instruments/{id}/bookings': async ({ fx, params }) => ({
    payload: { serviceItemId: (await ok<any>('instrument', fx.t.api.get(`instruments/${params.id}`, { token: fx.w.groups.university.owner.accessToken }), 200)).serviceItems[0].id, ...nextSlot(fx) },
  }),
  'GET /instruments/{id}/calendar': () => ({ query: { from: '2026-06-01T00:00:00.000Z', to: '2026-08-01T00:00:00.000Z' } }),
};

const MEMBERS = 'Objects belong to the organisation: any member of the holder, the provider, the programme\'s administration or the instrument\'s owner acts on them; an illegal step answers 409 with a state the member already sees.';

export const VOUCHER_ALLOWED: AllowEntry[] = [
  { operations: ['GET /voucher-programmes/{id}'], callers: '*', expect: '2xx', reason: 'Voucher programmes (budget, rules, rounds) are public: enterprises read them before applying.' },
  { operations: ['GET /service-providers/{id}'], callers: '*', expect: '2xx', reason: 'The service-provider directory is public.' },
  {
    operations: ['POST /service-providers/{id}/blacklist-lifting'], callers: ['owner:park'], expect: 'visible',
    reason: 'Verified park administrations are programme administrators: their audits blacklist a colluding provider, so they may lift a blacklisting (409 when there is none).',
  },
  {
    operations: ['DELETE /voucher-party-relations/{id}'], callers: ['other:park', 'lower:park'], expect: '2xx',
    reason: 'Shareholder relations are one register for every programme, kept by all programme administrators (platform staff and every verified park administration), whoever recorded a relation.',
  },
  { operations: ['GET /instruments/{id}', 'GET /instruments/{id}/calendar', 'GET /instruments/{id}/photos/{photoId}'], callers: '*', expect: '2xx', reason: 'Shared instruments, their photos and their taken periods (without bookers) are public: that is what sharing means (a withdrawn one answers 404 to all but its owner and staff).' },
  { operations: ['POST /instruments/{id}/bookings'], callers: 'signed-in', expect: '2xx', reason: 'Any signed-in organisation books a shared instrument (a free period; approval is the owner\'s step).' },
  { operations: ['PUT /voucher-programmes/{id}/rules', 'GET /voucher-programmes/{id}/ledger', 'GET /voucher-programmes/{id}/ledger/entries'], callers: ['lower:park'], expect: '2xx', reason: MEMBERS },
  { operations: ['POST /voucher-programmes/{id}/recorded-vouchers'], callers: ['lower:park'], expect: 'visible', reason: `${MEMBERS} (Our own programme records no partner vouchers: 409.)` },
  { operations: ['GET /vouchers/{id}'], callers: ['lower:enterprise', 'lower:park'], expect: '2xx', reason: MEMBERS },
  { operations: ['POST /vouchers/{id}/issue', 'POST /vouchers/{id}/refuse', 'POST /vouchers/{id}/audit', 'POST /vouchers/{id}/payment'], callers: ['lower:park'], expect: 'visible', reason: MEMBERS },
  { operations: ['POST /vouchers/{id}/release', 'POST /vouchers/{id}/rating'], callers: ['lower:enterprise'], expect: 'visible', reason: MEMBERS },
  { operations: ['POST /instruments/{id}/photos', 'POST /instruments/{id}/trainings'], callers: ['lower:university'], expect: '2xx', reason: MEMBERS },
  {
    operations: ['POST /instruments/{id}/withdrawal', 'POST /instruments/{id}/sharing'], callers: ['lower:university'], expect: 'visible',
    reason: `${MEMBERS} (Sharing an instrument already shared: 409 with its state.)`,
  },
  { operations: ['GET /instrument-bookings/{id}', 'POST /instrument-bookings/{id}/cancellation'], callers: ['lower:enterprise', 'lower:university'], expect: '2xx', reason: MEMBERS },
  { operations: ['POST /instrument-bookings/{id}/approval'], callers: ['lower:university'], expect: '2xx', reason: MEMBERS },
  { operations: ['POST /instrument-bookings/{id}/no-show', 'POST /instrument-bookings/{id}/use', 'POST /instrument-bookings/{id}/payment'], callers: ['lower:university'], expect: 'visible', reason: MEMBERS },
  { operations: ['POST /instrument-bookings/{id}/rating'], callers: ['lower:enterprise'], expect: 'visible', reason: MEMBERS },
  { operations: ['GET /instrument-subsidy-claims/{id}/csv'], callers: ['lower:university'], expect: '2xx', reason: MEMBERS },
];
