import { safeJobId } from '@techbridge/platform';
import { publishAchievement } from '../roadshow/roadshow-helpers';
import { addMember, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

export const PARK = 'bd-hitech';

export interface MarketWorld {
  admin: Session;
  university: Session;
  enterprise: Session;
  enterprise2: Session;
  parkAdmin: Session;
  parkReviewer: Session;
  otherParkReviewer: Session;
}

/** A university in the park (the seller), two enterprises (buyers), the park's verified reviewer and another park's. */
export async function makeMarketWorld(t: TestApp): Promise<MarketWorld> {
  const admin = await signInAdmin(t.api);
  const university = await signUpOrganisation(t.api, 'university', { region: 'HE', divisionCode: '130102', parkCode: PARK });
  const enterprise = await signUpOrganisation(t.api, 'enterprise', { region: 'HE', divisionCode: '130104' });
  const enterprise2 = await signUpOrganisation(t.api, 'enterprise', { region: 'BJ', divisionCode: '110108' });
  const parkAdmin = await signUpOrganisation(t.api, 'park-administration', { parkCode: PARK });
  await verifyOrganisation(t.api, parkAdmin.organisation.id);
  const parkReviewer = await addMember(t.api, parkAdmin, ['reviewer']);
  const otherPark = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'sjz-hitech' });
  await verifyOrganisation(t.api, otherPark.organisation.id);
  const otherParkReviewer = await addMember(t.api, otherPark, ['reviewer']);
  return { admin, university, enterprise, enterprise2, parkAdmin, parkReviewer, otherParkReviewer };
}

export function listingBody(subjectId: string, overrides: Record<string, unknown> = {}) {
  return {
    subject: 'achievement', subjectId, transferMode: 'exclusive', territory: '中国大陆', termMonths: 60, price: 1_200_000, priceKind: 'asking',
    paymentTerms: '合同签订后 30 日内支付 50%，验收后支付余款', ipCovered: ['CN202110123456.7'],
    contact: { name: '技术转移中心 李老师', phone: '0311-85000000', email: 'tto@example.edu.cn' }, ...overrides,
  };
}

/** Publish an achievement, list it and have the park's reviewer approve it: a listed listing. */
export async function listedListing(t: TestApp, w: MarketWorld, overrides: Record<string, unknown> = {}): Promise<any> {
  const achievementId = await publishAchievement(t.api, w.university, w.admin);
  const created = await t.api.post('market/listings', listingBody(achievementId, overrides), { token: w.university.accessToken });
  if (created.status !== 201) throw new Error(`create listing: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id;
  const submitted = await t.api.post(`market/listings/${id}/transitions`, { action: 'submit' }, { token: w.university.accessToken });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const approved = await t.api.post(`market/listings/${id}/transitions`, { action: 'approve', comment: '同意挂牌' }, { token: w.parkReviewer.accessToken });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved.body;
}

/** Run a delayed job now (the test moved the clock past its instant), then wait for the queues to drain. */
export async function runDelayed(t: TestApp, queue: string, jobId: string): Promise<void> {
  await t.deliver();
  const job = await t.jobs.queue(queue as never).getJob(safeJobId(jobId));
  if (!job) throw new Error(`no job ${jobId}`);
  if ((await job.getState()) === 'delayed') await job.promote();
  await t.drain();
}
