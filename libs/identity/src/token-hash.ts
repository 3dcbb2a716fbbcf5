import { createHash } from 'node:crypto';

/** Refresh and invitation tokens are stored as this hash, never in the clear. */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
