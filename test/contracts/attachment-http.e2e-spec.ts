import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { contractBody, makeWorld, World } from './contracts-helpers';
import { createTestApp, TestApp } from '../support/test-app';

interface Answer {
  status: number;
  body: string;
  /** Local port of the socket that carried the request: the same port means the same keep-alive connection. */
  localPort: number;
  connection: string | undefined;
}

/**
 * Over a real socket with one kept-alive connection (node's http, maxSockets 1): a contract attachment over
 * 20 MB is a 413 and the connection is closed behind it, so the next request on the same client answers
 * instead of waiting behind the unread rest of the upload.
 */
describe('contracts: oversized attachment over HTTP keep-alive (e2e)', () => {
  let t: TestApp;
  let w: World;
  let port: number;
  let contractId: string;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeWorld(t);
    const created = await t.api.post('contracts', contractBody(w), { token: w.university.accessToken });
    expect(created.status).toBe(201);
    contractId = created.body.id;
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    agent.destroy();
    await t.close();
  });

  /** Streams `size` bytes of a PDF part in 64 KB chunks; stops writing as soon as the server has answered. */
  const upload = (size: number): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const boundary = `----tb${randomBytes(6).toString('hex')}`;
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="contract.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const req = http.request({
        host: '127.0.0.1', port, agent, method: 'POST', path: `/api/v1/contracts/${contractId}/attachment`,
        headers: { authorization: `Bearer ${w.university.accessToken}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + size + tail.length },
      });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), localPort: req.socket?.localPort ?? -1, connection: res.headers.connection }));
      });
      // Writes after the server closed fail with EPIPE/ECONNRESET; only a failure before any answer is one.
      req.on('error', (err) => (answered ? undefined : reject(err)));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let left = size;
      const pump = (): void => {
        while (left > 0 && !answered) {
          const n = Math.min(left, chunk.length);
          left -= n;
          if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
            req.once('drain', pump);
            return;
          }
        }
        if (!answered) req.end(tail);
      };
      req.write(head);
      pump();
    });

  const get = (path: string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, agent, method: 'GET', path, headers: { authorization: `Bearer ${w.university.accessToken}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), localPort: req.socket?.localPort ?? -1, connection: res.headers.connection }));
      });
      req.on('error', reject);
      req.end();
    });

  it('answers 413 for 21 MB, closes that connection, and the next request on the client is served', async () => {
    const small = await upload(1024);
    expect(small.status).toBe(201);
    const reused = await get(`/api/v1/contracts/${contractId}`);
    expect(reused.status).toBe(200);
    expect(reused.localPort).toBe(small.localPort);

    const big = await upload(21 * 1024 * 1024);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toEqual(expect.objectContaining({ statusCode: 413, details: [expect.objectContaining({ field: 'file' })] }));
    expect(big.connection).toBe('close');

    // The next request gets a fresh connection and an answer; the stored attachment is still the small one.
    const after = await get(`/api/v1/contracts/${contractId}`);
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body).id).toBe(contractId);
    const health = await get('/api/v1/health');
    expect(health.status).toBe(200);
  });
});
