import { pdfUpload } from '../contracts/contracts-helpers';
import { Session } from '../support/test-app';
import { FixtureContext, otherUniversityAchievement, Params, sharedAchievement } from './access-resources';
import { VOUCHER_BODIES } from './access-vouchers';

/**
 * Request bodies for the probes: valid for the caller, so that the answer comes from the permission checks and not
 * from validation (a VALIDATION_FAILED answer fails the suite). Operations not listed here get a body generated from
 * their OpenAPI schema; when that is not valid, add the operation here.
 */
export interface BodyContext {
  fx: FixtureContext;
  caller: Session | null;
  params: Params;
}

export interface ProbeBody {
  payload?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

type BodyFor = (c: BodyContext) => Promise<ProbeBody> | ProbeBody;
const json = (payload: unknown): BodyFor => () => ({ payload });
let serial = 0;

/** A multipart upload of a small PDF (both upload routes). */
const pdf: BodyFor = () => {
  const up = pdfUpload();
  return { payload: up.body, headers: up.headers };
};

export const SAMPLE_BODIES: Record<string, BodyFor> = {
  'POST /broker-enrolments/{id}/hours': json({ module: 'policy', hours: 2 }),
  'POST /broker-enrolments/{id}/exam': json({ score: 80 }),
  'POST /broker-certificates/{id}/suspend': json({ reason: '调查期间暂停' }),
  'POST /broker-certificates/{id}/revoke': json({ reason: '伪造业绩材料' }),
  'POST /major-projects/{id}/transitions': json({ action: 'shortlist' }),
  'POST /parks/{code}/three-lists/{year}/items': json({ kind: 'docking', title: '对接京津高校新材料成果' }),
  'POST /three-list-items/{id}/steps': json({ action: 'start', quarter: '2026Q3' }),
  'POST /major-projects/{id}/approval': json({ year: 2026, level: 'province' }),
  'POST /major-projects/{id}/mid-term-check': json({ passed: true, note: '进度符合计划' }),
  'POST /major-projects/{id}/objections': json({ realName: '王五', phone: '13700137000', grounds: '该项目的核心专利存在权属争议。' }),
  'POST /major-projects/{id}/objections/{objectionId}/resolution': json({ outcome: 'dismissed', resolution: '经核查专利权属清晰。' }),
  'POST /major-projects/{id}/milestones': json({ quarter: '2026Q3', progress: 40, summary: '完成中试线安装', evidence: '中试验收报告' }),
  'POST /organisations/{id}/invitations': () => ({ payload: { email: `access-invite-${process.pid}-${++serial}@example.cn`, roles: ['member'] } }),
  'PUT /organisations/{id}/members/{userId}/roles': json({ roles: ['member', 'org-admin'] }),
  'POST /organisations/{id}/reject': json({ reason: '资质材料不全' }),
  'PATCH /achievements/{id}': json({ title: '钙钛矿叠层光伏电池低温制备技术' }),
  'POST /achievements/{id}/return': json({ comment: '请补充中试数据' }),
  'POST /achievements/{id}/attachments': pdf,
  'PATCH /taxonomy/parks/{code}': json({ keyIndustries: ['new-energy', 'digital'] }),
  'PATCH /packages/{id}': json({ theme: '分布式光伏与储能' }),
  'PUT /guide-catalogs/{id}/entries': async ({ fx }) => ({ payload: { achievementId: await sharedAchievement(fx), note: '适合园区示范' } }),
  'PATCH /demands/{id}': json({ budget: 2_000_000 }),
  'POST /demands/{id}/close': json({ reason: '已自行解决' }),
  'POST /demands/{id}/brokers': ({ fx }) => ({ payload: { userId: fx.w.groups.transfer.owner.user.id } }),
  'POST /demands/{id}/proposals': json({ approach: '采用组串式逆变器与最大功率点跟踪优化，提升并网效率。', timeline: '3个月样机，6个月示范' }),
  'POST /proposals/{id}/decline': json({ reason: '方案与需求不符' }),
  'POST /matches/{id}/transitions': json({ action: 'contact' }),
  'POST /matches/{id}/notes': json({ body: '对方底价 80 万' }),
  'POST /matches/{id}/introductions': json({ channel: 'phone' }),
  'PUT /thesaurus/{id}': () => ({ payload: { industry: 'new-energy', term: `光伏逆变改名${++serial}` } }),
  'POST /roadshows/{id}/transitions': json({ action: 'open-registration' }),
  // A presenter applies with its own achievement; other callers borrow the owner's (refused either way).
  'POST /roadshows/{id}/presentations': async ({ fx, caller }) => ({
    payload: { achievementId: caller?.organisation.id === fx.w.groups.university.other.organisation.id ? await otherUniversityAchievement(fx) : await sharedAchievement(fx) },
  }),
  'POST /roadshows/{id}/invitations': async ({ fx }) => ({ payload: { achievementId: await sharedAchievement(fx) } }),
  'POST /roadshows/{id}/presentations/{presentationId}/decision': json({ decision: 'accept' }),
  'POST /roadshows/{id}/participants': json({}),
  'POST /roadshows/{id}/meeting-requests': async ({ fx, params }) => {
    // The event's presentations are public once registration is open; a planned event has none to name.
    const list = await fx.t.api.get(`roadshows/${params.id}/presentations`, { token: fx.w.groups.transfer.owner.accessToken });
    const presentationId = Array.isArray(list.body) && list.body[0]?.id ? list.body[0].id : '00000000-0000-4000-8000-000000000001';
    return { payload: { presentationId, kind: 'would-like' } };
  },
  'POST /roadshows/{id}/meeting-suggestions': json({ minScore: 50 }),
  'POST /roadshows/{id}/meetings/{meetingId}/cancel': json({ reason: '时间冲突' }),
  'POST /roadshows/{id}/meetings/{meetingId}/outcome': json({ outcome: 'intention' }),
  'PUT /contracts/holidays/{day}': json({ kind: 'holiday', name: '国庆节' }),
  'PUT /contracts/institutions/{orgId}/transfer-profile': json({ level: 'municipal', accreditationNumber: '冀技转-ACCESS', validFrom: '2025-01-01', validTo: '2028-12-31' }),
  'PUT /contracts/institutions/{orgId}/registration-profile': json({ coveredDivisions: ['1301'] }),
  'PUT /contracts/brokers/{userId}': () => ({ payload: { tier: 'junior', filingNumber: `JJR-PROBE-${++serial}` } }),
  'PATCH /contracts/{id}': json({ title: '光伏逆变器专利实施许可合同（修订）' }),
  'POST /contracts/{id}/attachment': pdf,
  'POST /contracts/{id}/return': json({ reasons: [{ field: 'title', message: '请补正合同名称' }] }),
  'POST /contracts/{id}/refusal': json({ reason: '不属于技术合同' }),
  'POST /contracts/{id}/amount-corrections': json({ contractAmount: 1_000_000, technologyAmount: 900_000, reason: '核定技术交易额' }),
  'PUT /monitoring/quarters/{quarter}/parks/{park}/entries': json({ entries: [{ indicator: 'high-tech-enterprises', value: 99 }] }),
  'POST /monitoring/entries/{id}/return': json({ reason: '请核对口径' }),
  'POST /monitoring/quarters/{quarter}/corrections': json({ indicator: 'high-tech-enterprises', park: 'bd-hitech', value: 130, reason: '统计口径更正' }),
  'PATCH /content/{id}': json({ title: '京南示范区科技成果转化政策（修订）' }),
  'POST /content/{id}/transitions': json({ action: 'publish' }),
  'POST /content/{id}/attachments': pdf,
  'PATCH /market/listings/{id}': json({ territory: '京津冀' }),
  'POST /market/listings/{id}/transitions': json({ action: 'submit' }),
  'POST /market/listings/{id}/intents': json({ message: '拟受让实施' }),
  'POST /market/listings/{id}/deal': json({ amount: 900_000 }),
  'POST /market/listings/{id}/auctions': ({ fx }) => ({
    payload: { startsAt: new Date(fx.t.clock.now().getTime() + 3_600_000).toISOString(), durationMinutes: 60, startPrice: 100_000, reservePrice: 200_000, ladder: [{ from: 0, step: 10_000 }], depositAmount: 10_000 },
  }),
  'POST /market/intents/{id}/decline': json({ reason: '条件不符' }),
  'POST /market/notices/{id}/objections': json({ realName: '王五', contactPhone: '0312-5550001', grounds: '价格明显偏低', evidence: '见评估报告' }),
  'POST /market/objections/{id}/answer': json({ answer: '价格经评估确定' }),
  'POST /market/objections/{id}/decide': json({ decision: 'dismiss', reason: '异议不成立' }),
  'POST /market/auctions/{id}/bidders': json({ depositReference: 'BANK-PROBE' }),
  'POST /market/auctions/{id}/bids': json({ amount: 100_000 }),
  'POST /market/bidders/{id}/letter': pdf,
  'POST /market/listings/{id}/confidential-files': pdf,
  'POST /market/contracts/{contractId}/payments': json({ receivedOn: '2026-05-21', amount: 1000 }),
  'POST /market/payments/{id}/proof': pdf,
  'POST /market/listings/{id}/valuation-orders': ({ fx }) => ({ payload: { institutionId: fx.w.groups.transfer.owner.organisation.id, note: '请评估' } }),
  'POST /market/valuation-orders/{id}/quote': json({ amount: 20_000 }),
  'POST /market/valuation-orders/{id}/report': pdf,
  'POST /market/introductions/{id}/accept': json({ requireNda: true }),
  'POST /market/introductions/{id}/decline': json({ reason: '暂无合作计划' }),
  'POST /market/introductions/{id}/nda': json({ version: '2026-01' }),
  ...(VOUCHER_BODIES as Record<string, BodyFor>),
  'POST /financing-requests/{id}/invitations': ({ fx }) => ({ payload: { investorId: fx.w.groups.investor.other.organisation.id } }),
  'POST /financing-requests/{id}/engagements/{engagementId}/term-sheet': json({ amount: 5_000_000 }),
  'POST /financing-requests/{id}/engagements/{engagementId}/invest': json({ amount: 5_000_000 }),
  'POST /financing-requests/{id}/data-room': pdf,
  'POST /pledge-loans/{id}/valuation': () => {
    const up = pdfUpload();
    return { payload: up.body, headers: up.headers, query: { valuationAmount: '4000000' } };
  },
  'POST /pledge-loans/{id}/repayments': () => {
    const up = pdfUpload();
    return { payload: up.body, headers: up.headers, query: { repaidOn: '2026-01-05', amountFen: '100' } };
  },
  'POST /pledge-loans/{id}/approve': json({ approvedAmount: 1_000_000 }),
  'POST /pledge-loans/{id}/guarantees': ({ fx }) => ({ payload: { guarantorId: fx.w.groups.bank.other.organisation.id, amount: 100_000, sharePercent: 10 } }),
  'POST /pledge-loans/{id}/guarantees/{guaranteeId}/decline': json({ reason: '反担保不足' }),
  'POST /pledge-loans/{id}/compensation-claim': json({ amount: 500_000 }),
};

/** Required query parameters, where an operation has them. */
export const SAMPLE_QUERIES: Record<string, Record<string, string>> = {
  'GET /monitoring/reports/{quarter}/drill-down': { indicator: 'high-tech-enterprises', park: 'bd-hitech' },
};

type Schema = { $ref?: string; type?: string; enum?: unknown[]; format?: string; minimum?: number; minLength?: number; minItems?: number; items?: Schema; properties?: Record<string, Schema>; required?: string[]; example?: unknown };

/** A minimal body from the schema: required properties only, each with the least value its schema allows. */
export function generateBody(schema: Schema | undefined, components: Record<string, Schema>, depth = 0): unknown {
  if (!schema || depth > 5) return undefined;
  if (schema.$ref) return generateBody(components[schema.$ref.split('/').pop()!], components, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = generateBody(schema.properties?.[key], components, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => generateBody(schema.items, components, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000002';
      if (schema.format === 'date') return '2026-05-01';
      if (schema.format === 'date-time') return '2026-05-01T00:00:00.000Z';
      if (schema.format === 'email') return `access-${process.pid}-${++serial}@example.cn`;
      return '访问控制测试'.padEnd(Math.max(6, schema.minLength ?? 0), '测');
    default:
      return {};
  }
}
