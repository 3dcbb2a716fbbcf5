import { JobName, QueueName, safeJobId } from '@techbridge/platform';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';
import { achievementBody } from './fixtures';

/** Publishing an achievement asks matching to look for demands: through the outbox, once per publication. */
describe('catalog: approval enqueues ComputeAchievementMatches through the outbox exactly once (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;

  const TARGET = JobName.ComputeAchievementMatches;
  const rowsFor = (id: string): Promise<Array<{ key: string; payload: any; processed_at: Date | null }>> =>
    t.db.dataSource.query(`SELECT key, payload, processed_at FROM outbox_message WHERE kind = 'job' AND target = $1 AND payload->'data'->>'achievementId' = $2 ORDER BY id`, [TARGET, id]);

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { name: '匹配出箱测试大学', region: 'BJ' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('the target is the catalogue job name', () => {
    expect(TARGET).toBe('matching.compute-achievement-matches');
  });

  it('nothing before publication; one row on approval, in the same transaction; the relay delivers it as one job', async () => {
    const id = (await t.api.post('achievements', achievementBody(), { token: uni.accessToken })).body.id as string;
    await t.api.post(`achievements/${id}/submit`, {}, { token: uni.accessToken });
    await t.api.post(`achievements/${id}/return`, { comment: '请补充检测报告' }, { token: admin.accessToken });
    await t.api.patch(`achievements/${id}`, { trlEvidence: '第三方检测报告（2026）' }, { token: uni.accessToken });
    await t.api.post(`achievements/${id}/resubmit`, {}, { token: uni.accessToken });
    expect(await rowsFor(id)).toHaveLength(0);

    const approved = await t.api.post(`achievements/${id}/approve`, { comment: '同意发布' }, { token: admin.accessToken });
    expect(approved.status).toBe(200);
    const rows = await rowsFor(id);
    expect(rows).toHaveLength(1);
    expect(rows[0].payload.data).toEqual({ achievementId: id });
    // A deterministic id per publication: a replayed outbox row cannot enqueue a second job.
    expect(rows[0].key).toBe(`achievement:${id}:matches:${new Date(approved.body.publishedAt).getTime()}`);

    await t.drain();
    const [delivered] = await rowsFor(id);
    expect(delivered.processed_at).not.toBeNull();
    const queue = t.jobs.queue(QueueName.Matching);
    const jobs = (await queue.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed'])).filter((j) => j.name === TARGET && j.data.achievementId === id);
    expect(jobs.map((j) => j.id)).toEqual([safeJobId(rows[0].key)]);

    // Later steps of the published achievement do not publish it again; an edit asks for its matches to be computed
    // again (its stored scores must follow it), once per saved version; a withdrawal asks for nothing.
    const edited = await t.api.patch(`achievements/${id}`, { title: '高效钙钛矿-晶硅叠层光伏电池制备技术（第二版）' }, { token: uni.accessToken });
    expect((await t.api.post(`achievements/${id}/approve`, {}, { token: admin.accessToken })).status).toBe(409);
    await t.api.post(`achievements/${id}/withdraw`, {}, { token: uni.accessToken });
    await t.drain();
    const after = await rowsFor(id);
    expect(after).toHaveLength(2);
    expect(after[1].key).toBe(`achievement:${id}:matches:edit:${edited.body.version}`);
  });

  it('two reviewers approving at the same moment publish once and enqueue once', async () => {
    const id = (await t.api.post('achievements', achievementBody({ title: '并发审核测试成果' }), { token: uni.accessToken })).body.id as string;
    await t.api.post(`achievements/${id}/submit`, {}, { token: uni.accessToken });
    const results = await Promise.all([1, 2, 3].map(() => t.api.post(`achievements/${id}/approve`, {}, { token: admin.accessToken })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await rowsFor(id)).toHaveLength(1);
    const events = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM achievement_event WHERE achievement_id = $1 AND action = 'approve'`, [id]);
    expect(events[0].n).toBe(1);
  });

  it('a returned or withdrawn achievement enqueues nothing', async () => {
    const id = (await t.api.post('achievements', achievementBody({ title: '退回测试成果' }), { token: uni.accessToken })).body.id as string;
    await t.api.post(`achievements/${id}/submit`, {}, { token: uni.accessToken });
    await t.api.post(`achievements/${id}/return`, { comment: '材料不全' }, { token: admin.accessToken });
    expect(await rowsFor(id)).toHaveLength(0);
  });
});
