import { randomBytes } from 'node:crypto';
import { addMember, Api, randomCreditCode, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

export function pdfUpload(content = Buffer.from('%PDF-1.4\n% signed contract\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'), filename = '合同.pdf') {
  const boundary = `----tb${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(filename)}"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface World {
  admin: Session;
  institution: Session;
  reviewer: Session;
  otherInstitution: Session;
  otherReviewer: Session;
  university: Session;
  enterprise: Session;
  transfer: Session;
}

let prefixCounter = 100;
/** A registration institution covering `prefixes`, with one reviewer. */
export async function registrationInstitution(api: Api, admin: Session, coveredDivisions: string[], divisionCode: string): Promise<{ org: Session; reviewer: Session }> {
  const org = await signUpOrganisation(api, 'registration-institution', { region: 'HE', divisionCode });
  await verifyOrganisation(api, org.organisation.id);
  const res = await api.put(`contracts/institutions/${org.organisation.id}/registration-profile`, { coveredDivisions, numberPrefix: `${divisionCode.slice(0, 3)}${prefixCounter++}` }, { token: admin.accessToken });
  if (res.status !== 200) throw new Error(`registration profile: ${res.status} ${JSON.stringify(res.body)}`);
  const reviewer = await addMember(api, org, ['reviewer']);
  return { org, reviewer };
}

export async function transferInstitution(api: Api, admin: Session, level = 'municipal', accreditedOn?: string): Promise<Session> {
  const org = await signUpOrganisation(api, 'transfer-institution', { region: 'HE', divisionCode: '130102' });
  await verifyOrganisation(api, org.organisation.id);
  const res = await api.put(
    `contracts/institutions/${org.organisation.id}/transfer-profile`,
    { level, accreditationNumber: `冀技转-${randomBytes(4).toString('hex')}`, validFrom: '2025-01-01', validTo: '2028-12-31', ...(accreditedOn ? { accreditedOn } : {}) },
    { token: admin.accessToken },
  );
  if (res.status !== 200) throw new Error(`transfer profile: ${res.status} ${JSON.stringify(res.body)}`);
  return org;
}

export async function makeWorld(t: TestApp): Promise<World> {
  const admin = await signInAdmin(t.api);
  const { org: institution, reviewer } = await registrationInstitution(t.api, admin, ['1301'], '130100');
  const { org: otherInstitution, reviewer: otherReviewer } = await registrationInstitution(t.api, admin, ['1101'], '110100');
  const university = await signUpOrganisation(t.api, 'university', { region: 'HE', divisionCode: '130102' });
  const enterprise = await signUpOrganisation(t.api, 'enterprise', { region: 'HE', divisionCode: '130104', parkCode: undefined });
  const transfer = await transferInstitution(t.api, admin);
  return { admin, institution, reviewer, otherInstitution, otherReviewer, university, enterprise, transfer };
}

export function contractBody(w: Pick<World, 'enterprise' | 'transfer'>, overrides: Record<string, unknown> = {}) {
  return {
    title: '高性能储氢合金专利实施许可合同',
    type: 'license-patent',
    licenseScope: 'exclusive',
    buyer: { organisationId: w.enterprise.organisation.id, name: w.enterprise.organisation.name, creditCode: (w.enterprise.organisation as any).creditCode ?? randomCreditCode(), region: 'HE', legalPersonType: 'enterprise' },
    contractAmount: 1_000_000,
    technologyAmount: 880_000,
    deductions: [{ kind: 'equipment', amount: 100_000, note: '中试设备' }, { kind: 'materials', amount: 20_000 }],
    signedOn: '2026-09-01',
    termFrom: '2026-09-01',
    termTo: '2029-08-31',
    industry: undefined,
    transferInstitutionId: w.transfer.organisation.id,
    ...overrides,
  };
}

/** Create, attach the signed PDF, submit, let the checks route it. */
export async function submittedContract(t: TestApp, seller: Session, body: Record<string, unknown>): Promise<any> {
  const created = await t.api.post('contracts', body, { token: seller.accessToken });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const up = pdfUpload();
  const att = await t.api.post(`contracts/${created.body.id}/attachment`, up.body, { token: seller.accessToken, headers: up.headers });
  if (att.status !== 201) throw new Error(`attach: ${att.status} ${JSON.stringify(att.body)}`);
  const sub = await t.api.post(`contracts/${created.body.id}/submission`, {}, { token: seller.accessToken });
  if (sub.status !== 202) throw new Error(`submit: ${sub.status} ${JSON.stringify(sub.body)}`);
  await t.drain();
  return (await t.api.get(`contracts/${created.body.id}`, { token: seller.accessToken })).body;
}

/** Through the whole workflow to a registration number. */
export async function registeredContract(t: TestApp, seller: Session, reviewer: Session, body: Record<string, unknown>): Promise<any> {
  const c = await submittedContract(t, seller, body);
  if (c.status !== 'under-review') throw new Error(`not routed: ${JSON.stringify(c)}`);
  const reg = await t.api.post(`contracts/${c.id}/registration`, {}, { token: reviewer.accessToken });
  if (reg.status !== 202) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
  await t.drain();
  const registered = (await t.api.get(`contracts/${c.id}`, { token: seller.accessToken })).body;
  if (registered.status !== 'registered') throw new Error(`not registered after the queues drained: ${JSON.stringify(registered)}`);
  return registered;
}
