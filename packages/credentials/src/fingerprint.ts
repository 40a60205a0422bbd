import { createHash } from 'node:crypto'

const FINGERPRINT_LENGTH = 12

/**
 * The first hex digits of the secret's SHA-256: enough to tell two findings apart and to
 * match a finding against a rotated credential's record, far too few to recover anything.
 */
export function fingerprintOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, FINGERPRINT_LENGTH)
}
