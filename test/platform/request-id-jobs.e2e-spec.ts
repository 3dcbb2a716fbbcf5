import { JobName, QueueName } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

/** A job's log lines name the request that caused it: the id travels in the outbox row and the job's data. */
describe('the request id travels from the request through the outbox into the job (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { name: '请求编号测试大学', region: 'BJ' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('an approval made under request id X enqueues its match job with X, and the job runs to completion', async () => {
    const id = (await t.api.post('achievements', achievementBody({ title: '请求编号追踪测试成果' }), { token: uni.accessToken })).body.id as string;
    await t.api.post(`achievements/${id}/submit`, {}, { token: uni.accessToken });
    const requestId = 'approve-req-20261207-0001';
    const approved = await t.api.post(`achievements/${id}/approve`, {}, { token: admin.accessToken, headers: { 'x-request-id': requestId } });
    expect(approved.status).toBe(200);

    const [row] = await t.db.dataSource.query(
      `SELECT payload FROM outbox_message WHERE kind = 'job' AND target = $1 AND payload->'data'->>'achievementId' = $2`,
      [JobName.ComputeAchievementMatches, id],
    );
    expect(row.payload.options.requestId).toBe(requestId);
    // The payload itself is what the catalogue says, nothing more.
    expect(row.payload.data).toEqual({ achievementId: id });

    await t.drain();
    const jobs = (await t.jobs.queue(QueueName.Matching).getJobs(['completed', 'failed'])).filter((j) => j.data.achievementId === id);
    expect(jobs.map((j) => [j.data.__requestId, j.finishedOn !== undefined, j.failedReason ?? null])).toEqual([[requestId, true, null]]);
  });
});
