// Credentials for tests, made at run time from pieces and a seed, so that no string in our
// sources looks like a real key (GitHub's push protection would refuse the repository, and
// scanners would flag it). Each has the exact shape the provider issues.
import { createHash, createHmac, generateKeyPairSync } from 'node:crypto'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** `length` characters from `alphabet`, the same for the same seed. */
function seeded(seed: string, length: number, alphabet: string = ALNUM): string {
  let out = ''
  for (let round = 0; out.length < length; round++) {
    for (const byte of createHash('sha256').update(`${seed}:${round}`).digest()) {
      if (out.length < length) out += alphabet[byte % alphabet.length]
    }
  }
  return out
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url')
}

export function fakeJwt(claims: Record<string, unknown>, seed = 'jwt'): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const payload = base64url(JSON.stringify(claims))
  const signature = createHmac('sha256', seed).update(`${header}.${payload}`).digest('base64url')
  return `${header}.${payload}.${signature}`
}

export const testCredentials = (seed = 'change-policy') => ({
  awsAccessKeyId: ['AK', 'IA', seeded(`${seed}:aws`, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')].join(''),
  githubToken: ['gh', 'p_', seeded(`${seed}:github`, 36)].join(''),
  stripeLiveKey: ['sk', '_li', 've_', seeded(`${seed}:stripe`, 32)].join(''),
  privateKey: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trimEnd(),
  supabaseServiceRoleJwt: fakeJwt({ iss: 'supabase', ref: seeded(`${seed}:ref`, 20, 'abcdefghijklmnopqrstuvwxyz'), role: 'service_role', iat: 1700000000, exp: 2000000000 }, seed),
  supabaseAnonJwt: fakeJwt({ iss: 'supabase', ref: seeded(`${seed}:ref`, 20, 'abcdefghijklmnopqrstuvwxyz'), role: 'anon', iat: 1700000000, exp: 2000000000 }, seed)
})
