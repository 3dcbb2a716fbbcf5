import { PARK_CODES } from '@techbridge/platform';
import { multipartFile } from '../catalog/multipart';
import { Api, Session, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

export const PARK = PARK_CODES[0];
export const PASSING_EVIDENCE = { staff: 120, revenueYuan: 30_000_000, rdSharePercent: 5, ipRights: 3 };
export const DAY = 86_400_000;

export async function verifiedParkAdmin(api: Api, parkCode = PARK): Promise<Session> {
  const park = await signUpOrganisation(api, 'park-administration', { parkCode });
  await verifyOrganisation(api, park.organisation.id);
  return park;
}

export async function createProgramme(t: TestApp, admin: Session, overrides: Record<string, unknown> = {}): Promise<any> {
  const now = t.clock.now().getTime();
  const res = await t.api.post('voucher-programmes', {
    name: '2026 年度科技创新券',
    budgetFen: 10_000_000,
    yearlyCapFen: 2_000_000,
    faceValuesFen: [500_000, 1_000_000],
    validityDays: 180,
    categories: ['technology-development', 'testing-inspection', 'evaluation'],
    rules: [{ rule: 'sme-staff-max', figure: 500 }, { rule: 'sme-revenue-max', figure: 200_000_000 }, { rule: 'rd-share-min', figure: 3 }, { rule: 'ip-rights-min', figure: 1 }],
    rounds: [{ opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 60 * DAY).toISOString(), quotaFen: 10_000_000 }],
    ...overrides,
  }, { token: admin.accessToken });
  if (res.status !== 201) throw new Error(`programme: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function applyFor(api: Api, enterprise: Session, programmeId: string, requestedFen = 500_000, legalRepresentative = '王企业'): Promise<any> {
  return api.post('vouchers', { programmeId, requestedFen, legalRepresentative, evidence: PASSING_EVIDENCE }, { token: enterprise.accessToken });
}

/** An enterprise with an issued voucher of the programme. */
export async function issuedVoucher(t: TestApp, admin: Session, programmeId: string, amountFen = 500_000, legalRepresentative?: string): Promise<{ enterprise: Session; voucher: any }> {
  const enterprise = await signUpOrganisation(t.api, 'enterprise', { parkCode: PARK });
  const applied = await applyFor(t.api, enterprise, programmeId, amountFen, legalRepresentative);
  if (applied.status !== 201 || applied.body.status !== 'screened') throw new Error(`apply: ${applied.status} ${JSON.stringify(applied.body)}`);
  const issued = await t.api.post(`vouchers/${applied.body.id}/issue`, {}, { token: admin.accessToken });
  if (issued.status !== 200) throw new Error(`issue: ${issued.status} ${JSON.stringify(issued.body)}`);
  return { enterprise, voucher: issued.body };
}

export async function registerProvider(api: Api, opts: { region?: string; legalRepresentative?: string; categories?: string[] } = {}): Promise<{ session: Session; provider: any }> {
  const session = await signUpOrganisation(api, 'enterprise', { region: opts.region ?? 'HE', parkCode: PARK });
  const res = await api.post('service-providers', {
    legalRepresentative: opts.legalRepresentative ?? '赵检测', categories: opts.categories ?? ['testing-inspection', 'technology-development'], parkCode: PARK, description: '检测实验室',
  }, { token: session.accessToken });
  if (res.status !== 201) throw new Error(`provider: ${res.status} ${JSON.stringify(res.body)}`);
  return { session, provider: res.body };
}

export async function uploadAllDocuments(api: Api, provider: Session, voucherId: string): Promise<void> {
  for (const kind of ['contract', 'invoice', 'payment-proof', 'service-report']) {
    const { body, headers } = multipartFile('file', `${kind}.pdf`, 'application/pdf', Buffer.from(`%PDF-1.4 ${kind}`));
    const res = await api.post(`vouchers/${voucherId}/claim-documents/${kind}`, body, { token: provider.accessToken, headers });
    if (res.status !== 200) throw new Error(`upload ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export async function ledgerOf(api: Api, admin: Session, programmeId: string): Promise<any> {
  const res = await api.get(`voucher-programmes/${programmeId}/ledger`, { token: admin.accessToken });
  if (res.status !== 200) throw new Error(`ledger: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let invoiceSeq = 0;
export function invoiceNumber(): string {
  return `INV${process.pid}${Date.now()}${invoiceSeq++}`;
}
