import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkerHeartbeat } from './worker-heartbeat';

describe('WorkerHeartbeat', () => {
  const file = path.join(os.tmpdir(), `tb-heartbeat-${process.pid}-${Date.now()}`);
  afterAll(() => fs.rm(file, { force: true }));

  it('writes the file only when every check passes', async () => {
    let redisUp = false;
    const heartbeat = new WorkerHeartbeat(file, [async () => 'db ok', async () => { if (!redisUp) throw new Error('redis down'); }]);
    expect(await heartbeat.beat()).toBe(false);
    await expect(fs.stat(file)).rejects.toThrow();
    redisUp = true;
    expect(await heartbeat.beat()).toBe(true);
    expect(Date.parse(await fs.readFile(file, 'utf8'))).toBeGreaterThan(Date.now() - 60_000);
  });
});
