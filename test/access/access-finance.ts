import { BeijingCalendar } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { multipartFile } from '../catalog/multipart';
import { signUpOrganisation, verifyOrganisation } from '../support/test-app';
import type { FixtureContext, Params, ResourceKind } from './access-resources';

/** The finance context's owner objects for the generated access suite: financing requests, their data rooms, loans, claims. */

const PDF = Buffer.from('%PDF-1.4\n% access test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
let serial = 0;

async function ok<T = any>(what: string, res: Promise<{ status: number; body: T }>, ...codes: number[]): Promise<T> {
  const r = await res;
  if (!codes.includes(r.status)) throw new Error(`fixture ${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function enterpriseAchievement({ t, w }: FixtureContext): Promise<string> {
  const body = achievementBody({ title: `质押专利成果（访问测试${++serial}）` });
  return (await ok<any>('achievement', t.api.post('achievements', body, { token: w.groups.enterprise.owner.accessToken }), 201)).id;
}

/** The owner enterprise's financing request; in talks: published, a data room document, the owner fund admitted. */
async function financingRequest(ctx: FixtureContext, inTalks: boolean): Promise<Params> {
  const { t, w } = ctx;
  const owner = w.groups.enterprise.owner.accessToken;
  const body = {
    title: `中试线融资（访问测试${++serial}）`, summary: '中试线建设', amount: 5_000_000, stage: 'a', industry: 'new-energy', useOfFunds: '设备',
    achievementIds: [await enterpriseAchievement(ctx)],
  };
  const id = (await ok<any>('financing request', t.api.post('financing-requests', body, { token: owner }), 201)).id;
  if (!inTalks) return { id };
  await ok('publish', t.api.post(`financing-requests/${id}/publish`, {}, { token: owner }), 200);
  const up = multipartFile('file', '商业计划书.pdf', 'application/pdf', PDF);
  const doc = await ok<any>('data room', t.api.post(`financing-requests/${id}/data-room`, up.body, { token: owner, headers: up.headers }), 201);
  const e = await ok<any>('engage', t.api.post(`financing-requests/${id}/engagements`, {}, { token: w.groups.investor.owner.accessToken }), 201);
  await ok('admit', t.api.post(`financing-requests/${id}/engagements/${e.id}/admit`, {}, { token: owner }), 200);
  return { id, engagementId: e.id, documentId: doc.id };
}

/**
 * The owner enterprise's pledge loan at its owner bank; 'repaying': disbursed with a partial repayment (and its proof);
 * 'claimed': then defaulted with a claim on the owner park's fund.
 */
async function pledgeLoan(ctx: FixtureContext, stage: 'applied' | 'repaying' | 'claimed'): Promise<Params> {
  const { t, w } = ctx;
  const borrower = w.groups.enterprise.owner.accessToken;
  const bank = w.groups.bank.owner.accessToken;
  const body = { bankId: w.groups.bank.owner.organisation.id, achievementId: await enterpriseAchievement(ctx), amount: 2_000_000, termMonths: 12 };
  const id = (await ok<any>('loan', t.api.post('pledge-loans', body, { token: borrower }), 201)).id;
  // A guarantor outside the world's groups is invited: no probing caller is it.
  const guarantor = await signUpOrganisation(t.api, 'guarantor');
  await verifyOrganisation(t.api, guarantor.organisation.id);
  const invite = { guarantorId: guarantor.organisation.id, amount: 500_000, sharePercent: 10 };
  const guaranteeId = (await ok<any>('guarantee', t.api.post(`pledge-loans/${id}/guarantees`, invite, { token: bank }), 201)).id;
  if (stage === 'applied') return { id, guaranteeId };
  const up = multipartFile('file', '评估报告.pdf', 'application/pdf', PDF);
  await ok('valuation', t.api.post(`pledge-loans/${id}/valuation`, up.body, { token: borrower, headers: up.headers, query: { valuationAmount: 4_000_000 } }), 200);
  await ok('approve', t.api.post(`pledge-loans/${id}/approve`, { approvedAmount: 2_000_000 }, { token: bank }), 200);
  await ok('accept', t.api.post(`pledge-loans/${id}/guarantees/${guaranteeId}/accept`, {}, { token: guarantor.accessToken }), 200);
  await ok('disburse', t.api.post(`pledge-loans/${id}/disburse`, {}, { token: bank }), 200);
  const slip = multipartFile('file', '还款凭证.pdf', 'application/pdf', PDF);
  const repaidOn = BeijingCalendar.dateOf(t.clock.now());
  const repayment = await ok<any>('repayment', t.api.post(`pledge-loans/${id}/repayments`, slip.body, { token: bank, headers: slip.headers, query: { repaidOn, amountFen: 10_000_000 } }), 201);
  if (stage === 'repaying') return { id, guaranteeId, repaymentId: repayment.repayment.id };
  await ok('default', t.api.post(`pledge-loans/${id}/default`, {}, { token: bank }), 200);
  const claim = await ok<any>('claim', t.api.post(`pledge-loans/${id}/compensation-claim`, { amount: 1_000_000 }, { token: bank }), 201);
  return { id, guaranteeId, claimId: claim.id };
}

export const FINANCE_KINDS: ResourceKind[] = [
  {
    template: '/financing-requests/{id}',
    parties: ['enterprise', 'investor'],
    variants: { draft: (ctx) => financingRequest(ctx, false), 'in-talks': (ctx) => financingRequest(ctx, true) },
  },
  { template: '/financing-requests/{id}/engagements/{engagementId}', parties: ['enterprise', 'investor'], variants: { admitted: (ctx) => financingRequest(ctx, true) } },
  { template: '/financing-requests/{id}/data-room/{documentId}', parties: ['enterprise', 'investor'], variants: { admitted: (ctx) => financingRequest(ctx, true) } },
  { template: '/pledge-loans/{id}', parties: ['enterprise', 'bank'], variants: { applied: (ctx) => pledgeLoan(ctx, 'applied'), claimed: (ctx) => pledgeLoan(ctx, 'claimed') } },
  { template: '/pledge-loans/{id}/repayments/{repaymentId}', parties: ['enterprise', 'bank'], variants: { repaying: (ctx) => pledgeLoan(ctx, 'repaying') } },
  { template: '/compensation-claims/{id}', parties: ['enterprise', 'bank', 'investor'], variants: { filed: async (ctx) => ({ id: (await pledgeLoan(ctx, 'claimed')).claimId }) } },
];
