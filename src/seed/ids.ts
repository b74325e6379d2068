import { createHash } from 'node:crypto';

/**
 * A UUID derived from a name (the layout of RFC 9562 version 5: SHA-1, name-based), so demo and
 * synthetic objects get the same ids on every install: docs, tests and bookmarks stay valid.
 *
 * @example
 * seedUuid('member', 0) === seedUuid('member', 0) // true
 */
export function seedUuid(kind: string, index: number | string): string {
  const h = createHash('sha1').update(`inmail-demo:${kind}:${index}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
