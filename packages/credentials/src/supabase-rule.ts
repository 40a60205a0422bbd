// A secretlint rule of our own for Supabase's keys, which the recommended preset does not
// know: the service-role JWT (it bypasses row level security; real migration histories
// paste it into `pg_net` calls scheduled with pg_cron) and the newer `sb_secret_` keys.
// The anon JWT is meant to be public and is not reported. A JWT is decoded, never verified:
// what matters is what it claims to be, not whether its signature holds.
import type { SecretLintRuleCreator, SecretLintSourceCode } from '@secretlint/types'

export const SUPABASE_RULE_ID = '@change-policy/secretlint-rule-supabase'

const messages = {
  SUPABASE_SERVICE_ROLE_JWT: { en: (props: { KEY: string }) => `found Supabase service-role JWT: ${props.KEY}` },
  SUPABASE_SECRET_KEY: { en: (props: { KEY: string }) => `found Supabase secret key: ${props.KEY}` }
}

const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g
const SECRET_KEY = /\bsb_secret_[A-Za-z0-9_-]{20,}/g

export function jwtRole(token: string): string | undefined {
  const payload = token.split('.')[1]
  if (payload === undefined) return undefined
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    return typeof claims === 'object' && claims !== null && typeof (claims as { role?: unknown }).role === 'string' ? (claims as { role: string }).role : undefined
  } catch {
    return undefined
  }
}

export const supabaseRule: SecretLintRuleCreator = {
  messages,
  meta: {
    id: SUPABASE_RULE_ID,
    recommended: true,
    type: 'scanner',
    supportedContentTypes: ['text']
  },
  create(context) {
    const t = context.createTranslator(messages)
    return {
      file(source: SecretLintSourceCode) {
        for (const match of source.content.matchAll(JWT)) {
          if (jwtRole(match[0]) !== 'service_role') continue
          const start = match.index ?? 0
          context.report({ message: t('SUPABASE_SERVICE_ROLE_JWT', { KEY: match[0] }), range: [start, start + match[0].length] })
        }
        for (const match of source.content.matchAll(SECRET_KEY)) {
          const start = match.index ?? 0
          context.report({ message: t('SUPABASE_SECRET_KEY', { KEY: match[0] }), range: [start, start + match[0].length] })
        }
      }
    }
  }
}
