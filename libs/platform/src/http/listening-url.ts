import type { AddressInfo } from 'node:net';

/**
 * The address a server is really bound to (HOST may be 0.0.0.0 or ::, PORT may be 0), for the start-up log:
 * an operator must see that the api listens on every interface, not read 127.0.0.1 when it does not.
 */
export function listeningUrl(server: { address(): AddressInfo | string | null }): string {
  const address = server.address();
  if (!address || typeof address === 'string') return String(address);
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
