import { JobName, serverPort, serveWorkerMetrics } from '@techbridge/platform';
import type { Server } from 'node:http';
import { achievementBody } from '../catalog/fixtures';
import { createTestApp, Session, signUpOrganisation, TestApp } from '../support/test-app';

const TOKEN = 'scrape-token-for-tests-0123';

/** The value of one series in Prometheus text, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name + '{') && !line.startsWith(name + ' ')) continue;
    const labelText = line.startsWith(name + '{') ? line.slice(name.length + 1, line.indexOf('}')) : '';
    if (Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('metrics: /metrics content and protection (e2e)', () => {
  let t: TestApp;
  let university: Session;
  const scrape = async () => {
    const res = await t.api.get('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/plain');
    return res.raw.toString('utf8');
  };

  beforeAll(async () => {
    t = await createTestApp({ worker: true, env: { METRICS_TOKEN: TOKEN } });
    university = await signUpOrganisation(t.api, 'university');
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers only with the scrape token: 401 without it or with another, never the figures', async () => {
    const variants: Array<Record<string, string>> = [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }, { authorization: `Bearer ${university.accessToken}` }];
    for (const headers of variants) {
      const res = await t.api.get('/metrics', { headers });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toContain('Bearer');
      expect(res.raw.toString()).not.toContain('techbridge_');
    }
    // Not under the api prefix, and absent from the OpenAPI document (the access and fuzz suites read it).
    expect((await t.api.get('/api/v1/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect(Object.keys((await t.api.get('/api/docs-json')).body.paths).some((p) => p.includes('metrics'))).toBe(false);
  });

  it('HTTP requests by route template, method and status; ids never become labels', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const before = sample(await scrape(), 'techbridge_http_request_duration_seconds_count', { route: '/api/v1/achievements/:id', status: '404' }) ?? 0;
    for (let i = 0; i < 3; i++) expect((await t.api.get(`achievements/${missing}`, { token: university.accessToken })).status).toBe(404);
    const text = await scrape();
    expect(sample(text, 'techbridge_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/achievements/:id', status: '404' })).toBe(before + 3);
    expect(sample(text, 'techbridge_http_request_duration_seconds_bucket', { route: '/api/v1/achievements/:id', status: '404', le: '+Inf' })).toBe(before + 3);
    expect(text).not.toContain(missing);
  });

  it('business figures, the outbox, queues, jobs and the pool', async () => {
    const drafts = sample(await scrape(), 'techbridge_achievements', { status: 'draft' }) ?? 0;
    const created = await t.api.post('achievements', achievementBody(), { token: university.accessToken });
    expect(created.status).toBe(201);
    await t.drain();
    // A dead outbox row and a delayed job, as an operator would have to notice them.
    await t.db.dataSource.query(`INSERT INTO outbox_message (kind, target, key, attempts, dead_at, last_error) VALUES ('index', 'achievements', 'gone', 10, now(), 'engine down')`);
    await t.jobs.enqueue(JobName.DemandExpire, { demandId: '00000000-0000-4000-8000-000000000001' }, { delayMs: 3600_000, jobId: 'metrics-test-delayed' });
    const text = await scrape();
    expect(sample(text, 'techbridge_achievements', { status: 'draft' })).toBe(drafts + 1);
    expect(sample(text, 'techbridge_outbox_messages', { state: 'dead' })).toBe(1);
    expect(sample(text, 'techbridge_outbox_messages', { state: 'pending' })).toBe(0);
    expect(sample(text, 'techbridge_queue_jobs', { queue: 'lifecycle', state: 'delayed' })).toBe(1);
    expect(sample(text, 'techbridge_queue_oldest_waiting_seconds', { queue: 'lifecycle' })).toBe(0);
    for (const name of ['techbridge_demands', 'techbridge_matches', 'techbridge_contracts', 'techbridge_contracts_registered_amount_yuan', 'techbridge_import_lines']) {
      expect(text).toContain(`# TYPE ${name} gauge`);
    }
    expect(sample(text, 'techbridge_contracts_registered_amount_yuan', { amount: 'technology' })).toBe(0);
    expect(sample(text, 'techbridge_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(text).toContain('techbridge_process_resident_memory_bytes');
    // The sign-up and the achievement's creation ran jobs? At least the index outbox was delivered; a search is timed.
    await t.api.get('search/achievements', { query: { q: '光伏' } });
    expect(sample(await scrape(), 'techbridge_search_duration_seconds_count', { index: 'achievements' })).toBeGreaterThan(0);
  });

  it('job runs and failures by queue and job name', async () => {
    await t.jobs.enqueue(JobName.PruneOutbox, {}, { jobId: `metrics-prune-${Date.now()}` });
    await t.drain();
    const text = await scrape();
    expect(sample(text, 'techbridge_job_duration_seconds_count', { queue: 'maintenance', job: 'outbox.prune', outcome: 'completed' })).toBeGreaterThanOrEqual(1);
  });

  it("the worker's own port: its process metrics behind the same token, not the shared state", async () => {
    const server: Server = await serveWorkerMetrics(0, '127.0.0.1', TOKEN);
    try {
      const url = `http://127.0.0.1:${serverPort(server)}/metrics`;
      expect((await fetch(url)).status).toBe(401);
      const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('techbridge_job_duration_seconds');
      expect(text).not.toContain('techbridge_queue_jobs');
      expect(text).not.toContain('techbridge_achievements');
    } finally {
      server.close();
    }
  });
});

describe('metrics without METRICS_TOKEN (e2e)', () => {
  it('is not served at all', async () => {
    const t = await createTestApp();
    try {
      expect((await t.api.get('/metrics', { headers: { authorization: 'Bearer anything-at-all-0123456' } })).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
