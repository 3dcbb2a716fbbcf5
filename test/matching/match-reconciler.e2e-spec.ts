import { MatchPipelineService } from '@techbridge/matching';
import { JobName } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { createDemand } from '../demand/demand-helpers';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

/**
 * The reconciler behind every match job: published achievements and demands whose current version never had its
 * matches computed (the job was lost for good) are found and computed, without announcements; fresh ones are left to
 * their own job.
 */
describe('matching: the reconciler finds published items without computed matches (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  let ent: Session;
  let achievementId: string;
  let demandId: string;

  const computation = async (id: string) =>
    (await t.db.dataSource.query(`SELECT version FROM match_computation WHERE subject_id = $1`, [id]))[0]?.version as number | undefined;
  const matchesOf = async (id: string) => (await t.db.dataSource.query(`SELECT demand_id FROM match WHERE achievement_id = $1`, [id])).length as number;
  const notifications = async () => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notification`))[0].n as number;
  async function reconcile(): Promise<void> {
    await t.jobs.enqueue(JobName.ReconcileMatches, {}, { jobId: `reconcile-test-${t.clock.now().getTime()}` });
    await t.drain();
  }

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { region: 'BJ' });
    ent = await signUpOrganisation(t.api, 'enterprise', { region: 'HE', parkCode: 'sjz-hitech' });
    demandId = (
      await createDemand(t.api, ent, {
        title: '光伏组件效率提升', description: '我公司光伏组件转换效率偏低，希望引进钙钛矿叠层电池技术提升效率。', keywords: ['钙钛矿', '光伏'], industry: 'new-energy', field: 'photovoltaics', minTrl: 5,
      })
    ).id;
    const a = await t.api.post('achievements', achievementBody(), { token: uni.accessToken });
    achievementId = a.body.id;
    await t.api.post(`achievements/${achievementId}/submit`, {}, { token: uni.accessToken });
    expect((await t.api.post(`achievements/${achievementId}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
    await t.drain();
  });
  afterAll(async () => {
    await t.close();
  });

  it('publication jobs record the version they computed', async () => {
    const [{ version }] = await t.db.dataSource.query(`SELECT version FROM achievement WHERE id = $1`, [achievementId]);
    expect(await computation(achievementId)).toBe(version);
    expect(await computation(demandId)).toBeDefined();
    expect(await matchesOf(achievementId)).toBe(1);
  });

  it('computes what a lost job left undone, once the grace period is over, and announces nothing', async () => {
    // Both jobs lost for good: no computation, no stored match.
    await t.db.dataSource.query(`DELETE FROM match WHERE achievement_id = $1`, [achievementId]);
    await t.db.dataSource.query(`DELETE FROM match_computation WHERE subject_id = ANY($1::uuid[])`, [[achievementId, demandId]]);
    const before = await notifications();

    // Just changed: their own jobs may still be on the way, the reconciler leaves them.
    await reconcile();
    expect(await computation(achievementId)).toBeUndefined();
    expect(await computation(demandId)).toBeUndefined();

    t.clock.advance(11 * 60_000);
    await reconcile();
    const [{ version }] = await t.db.dataSource.query(`SELECT version FROM achievement WHERE id = $1`, [achievementId]);
    expect(await computation(achievementId)).toBe(version);
    expect(await computation(demandId)).toBeDefined();
    expect(await matchesOf(achievementId)).toBe(1);
    expect(await notifications()).toBe(before);

    // Nothing left to do: a second pass computes nothing.
    const spy = jest.spyOn(t.app.get(MatchPipelineService), 'computeForAchievement');
    try {
      t.clock.advance(60_000);
      await reconcile();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('an unpublished achievement is not the reconciler\'s business', async () => {
    expect((await t.api.post(`achievements/${achievementId}/withdraw`, {}, { token: uni.accessToken })).status).toBe(200);
    await t.drain();
    await t.db.dataSource.query(`DELETE FROM match_computation WHERE subject_id = $1`, [achievementId]);
    t.clock.advance(11 * 60_000);
    await reconcile();
    expect(await computation(achievementId)).toBeUndefined();
  });
});
