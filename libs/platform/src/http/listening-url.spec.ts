import { createServer, Server } from 'node:http';
import { listeningUrl } from './listening-url';

describe('listeningUrl', () => {
  const listen = (host: string) =>
    new Promise<Server>((resolve) => {
      const server = createServer();
      server.listen(0, host, () => resolve(server));
    });

  it('reports the interface and port the socket is bound to', async () => {
    const loopback = await listen('127.0.0.1');
    const all = await listen('0.0.0.0');
    try {
      expect(listeningUrl(loopback)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(listeningUrl(all)).toBe(`http://0.0.0.0:${(all.address() as { port: number }).port}`);
      expect(listeningUrl({ address: () => ({ address: '::', family: 'IPv6', port: 3000 }) })).toBe('http://[::]:3000');
    } finally {
      loopback.close();
      all.close();
    }
  });
});
