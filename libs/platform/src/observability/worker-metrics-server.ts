import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { metricsAccess } from './metrics-token';
import { processMetrics, renderMetrics } from './metrics';

/**
 * The worker has no HTTP api; with WORKER_METRICS_PORT set it answers GET /metrics on HOST:port with its own process
 * metrics (job runs and failures, its pool, memory), behind the same token as the api's. Shared state (queues, outbox,
 * business counts) comes from the api only, so nothing is counted twice.
 */
export async function serveWorkerMetrics(port: number, host: string, token: string | undefined): Promise<Server> {
  processMetrics();
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const access = metricsAccess(token, req.headers.authorization);
    if (req.method !== 'GET' || path !== '/metrics' || access === 'off') return void res.writeHead(404).end();
    if (access === 'denied') return void res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
    renderMetrics(false).then(
      ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return server;
}

export function serverPort(server: Server): number {
  return (server.address() as AddressInfo).port;
}
