import { Controller, Get, Inject, Module, Query } from '@nestjs/common';
import { Public, SEARCH_INDEX, SearchIndex } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

/** A route that hands the caller's filter and sort to the engine as they are: only this test needs one. */
@Controller('search-probe')
class SearchProbeController {
  constructor(@Inject(SEARCH_INDEX) private readonly search: SearchIndex) {}

  @Get()
  @Public()
  async probe(@Query('filterField') filterField?: string, @Query('sort') sort?: string): Promise<{ total: number }> {
    const result = await this.search.search('achievements', {
      ...(filterField ? { filter: { field: filterField, eq: 'x' } } : {}),
      ...(sort ? { sort: [sort] } : {}),
    });
    return { total: result.total };
  }
}

@Module({ controllers: [SearchProbeController] })
class SearchProbeModule {}

/**
 * Search in operation, on the embedded engine: a query the index does not allow is the caller's 400, an engine that is
 * down makes health 503 while writes wait in the outbox (nothing lost) and arrive once it is back.
 */
describe('search in operation (e2e)', () => {
  let t: TestApp;
  let engine: SearchIndex;
  let admin: Session;
  let uni: Session;

  async function createAndSubmit(overrides: Record<string, unknown>): Promise<string> {
    const a = await t.api.post('achievements', achievementBody(overrides), { token: uni.accessToken });
    expect(a.status).toBe(201);
    expect((await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: uni.accessToken })).status).toBe(200);
    return a.body.id;
  }
  const approve = async (id: string) => expect((await t.api.post(`achievements/${id}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
  const found = async (q: string) => (await t.api.get('search/achievements', { query: { q } })).body.items.map((i: { id: string }) => i.id);
  const pending = async (id: string) =>
    (await t.db.dataSource.query(`SELECT attempts, last_error FROM outbox_message WHERE kind = 'index' AND key = $1 AND processed_at IS NULL`, [id])) as Array<{ attempts: number; last_error: string | null }>;

  beforeAll(async () => {
    t = await createTestApp({ imports: [SearchProbeModule] });
    engine = t.app.get(SEARCH_INDEX);
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { region: 'BJ' });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  it('answers a filter or sort the index does not allow with 400 naming the parameter', async () => {
    const filter = await t.api.get('search-probe', { query: { filterField: 'contact' } });
    expect(filter.status).toBe(400);
    expect(filter.body).toMatchObject({ code: 'INVALID_SEARCH', details: [{ field: 'filter', code: 'INVALID_SEARCH' }] });
    expect(filter.body.details[0].message).toMatch(/contact/);
    const sort = await t.api.get('search-probe', { query: { sort: 'title:asc' } });
    expect(sort.status).toBe(400);
    expect(sort.body.details[0].field).toBe('sort');
    expect((await t.api.get('search-probe', { query: { sort: 'trl:desc' } })).status).toBe(200);
  });

  it('reports an engine that is down as 503 with search.ok=false, keeps writes in the outbox, and delivers them when it is back', async () => {
    const id = await createAndSubmit({ title: '宽温域磷酸铁锂电池电解液', summary: '零下四十度仍能放电的电解液配方与产线工艺', keywords: ['电解液', '低温放电'], industry: 'new-energy-vehicles', field: 'power-batteries' });
    const ping = jest.spyOn(engine, 'ping').mockResolvedValue(false);
    const upsert = jest.spyOn(engine, 'upsert').mockRejectedValue(new Error('search engine unreachable'));
    try {
      const health = await t.api.get('health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'error', db: 'up', search: { engine: 'embedded', ok: false } });

      // Publishing commits; the index write waits in the outbox with the reason.
      await approve(id);
      await t.relay.drainOnce();
      expect(await pending(id)).toEqual([{ attempts: 1, last_error: 'search engine unreachable' }]);
      expect((await t.api.get('health')).body.outboxBacklog).toBeGreaterThanOrEqual(1);
    } finally {
      ping.mockRestore();
      upsert.mockRestore();
    }
    expect((await t.api.get('health')).status).toBe(200);
    expect(await found('锂电池')).not.toContain(id);
    // The retry is scheduled with backoff; make it due now rather than wait for it.
    await t.db.dataSource.query(`UPDATE outbox_message SET available_at = now() WHERE kind = 'index' AND key = $1`, [id]);
    await t.deliver();
    expect(await pending(id)).toEqual([]);
    expect(await found('锂电池')).toContain(id);
  });
});
