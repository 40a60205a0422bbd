// Credentials in a text, found by secretlint: its recommended preset (one rule per
// provider, maintained as providers change their formats) plus our Supabase rule. The
// scan runs in memory on text we already hold; nothing is read from disk or the network.
// What leaves this module is the finding without its secret (its fingerprint instead) and,
// separately, the secret values so that the caller can mask them in the runner's logs.
import type { DetectedCredential } from '@change-policy/policy'
import { lintSource } from '@secretlint/core'
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend'
import type { SecretLintCoreConfig, SecretLintRawSource } from '@secretlint/types'
import { fingerprintOf } from './fingerprint'
import { isPlaceholder } from './placeholders'
import { SUPABASE_RULE_ID, supabaseRule } from './supabase-rule'

const PRESET_ID = '@secretlint/secretlint-rule-preset-recommend'

const CONFIG: SecretLintCoreConfig = {
  rules: [
    {
      id: PRESET_ID,
      rule: recommendedPreset,
      rules: [
        // An access key ID alone is what people paste most (with its secret on the next
        // line, which the rule also finds); the preset leaves ID scanning off by default.
        { id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } },
        // `secretlint-disable` comments would let an author silence the scanner with no
        // trace; our own allow comment waives a finding and keeps it in the audit record.
        { id: '@secretlint/secretlint-rule-filter-comments', disabled: true }
      ]
    },
    { id: SUPABASE_RULE_ID, rule: supabaseRule }
  ]
}

/** Message ids that name something which is not a credential (an AWS account number). */
const NOT_CREDENTIALS = new Set(['AWSAccountID'])

/** Readable kinds for the ids secretlint's rules report most; others are spelled out from the id. */
const KINDS: Record<string, string> = {
  AWSAccessKeyID: 'AWS access key ID',
  AWSSecretAccessKey: 'AWS secret access key',
  GITHUB_TOKEN: 'GitHub token',
  STRIPE_SECRET_KEY_LIVE: 'Stripe live secret key',
  STRIPE_RESTRICTED_KEY_LIVE: 'Stripe live restricted key',
  PRIVATE_KEY: 'private key',
  SUPABASE_SERVICE_ROLE_JWT: 'Supabase service-role JWT',
  SUPABASE_SECRET_KEY: 'Supabase secret key'
}

export interface TextScan {
  detections: DetectedCredential[]
  /** The secret values found, one per detection in the same order, for masking only; never print or store them. */
  secrets: string[]
}

/**
 * A root no runner has: some rules look at the file's name (`.npmrc`, `package.json`,
 * `.json` service-account keys), and one reads a `.p12` from disk by that name. Under this
 * root the names still tell, and nothing on the runner's disk is ever read.
 */
const VIRTUAL_ROOT = '/change-policy-scan/'

export async function scanText(text: string, path: string): Promise<TextScan> {
  const source: SecretLintRawSource = { content: text, filePath: `${VIRTUAL_ROOT}${path}`, contentType: 'text' }
  const result = await lintSource({ source, options: { config: CONFIG, noPhysicFilePath: true, locale: 'en' } })
  const detections: DetectedCredential[] = []
  const secrets: string[] = []
  for (const message of result.messages) {
    const messageId = message.messageId ?? ''
    if (NOT_CREDENTIALS.has(messageId)) continue
    const secret = secretOf(text, message.range, message.data)
    if (isPlaceholder(secret)) continue
    secrets.push(secret)
    detections.push({
      rule: shortRuleName(message.ruleId),
      kind: kindOf(messageId, message.data),
      line: message.loc.start.line,
      column: message.loc.start.column + 1,
      fingerprint: fingerprintOf(secret)
    })
  }
  return { detections, secrets }
}

/** `@secretlint/secretlint-rule-aws` -> `aws`: the name an allow comment uses. */
export function shortRuleName(ruleId: string): string {
  return ruleId.replace(/^@[^/]+\//, '').replace(/^secretlint-rule-/, '')
}

/**
 * The secret itself: the value the rule put in its message data when it is in the text
 * (some rules' ranges start at the variable name rather than at the value), else the
 * reported range.
 */
function secretOf(text: string, range: readonly [number, number], data: unknown): string {
  const inRange = text.slice(range[0], range[1])
  if (typeof data === 'object' && data !== null) {
    for (const [key, value] of Object.entries(data)) {
      if (key !== 'typeName' && typeof value === 'string' && value.length >= 8 && text.includes(value)) return value
    }
  }
  return inRange
}

function kindOf(messageId: string, data: unknown): string {
  const known = KINDS[messageId]
  const typeName = typeof data === 'object' && data !== null ? (data as { typeName?: unknown }).typeName : undefined
  if (known) return typeof typeName === 'string' && messageId === 'GITHUB_TOKEN' ? `${known} (${typeName})` : known
  return messageId.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase()
}

/** Files whose name changes what the rules look for are scanned on their own. */
const NAME_SENSITIVE = /(?:^|\/)(?:package\.json|package-lock\.json|\.npmrc)$|\.(?:json|p12)$/i
/** Between files in one batch: no rule's pattern runs across it (no base64, no word characters). */
const BOUNDARY = '\n#<<>>#\n'
const BATCH_BYTES = 256 * 1024

/**
 * Many texts in as few secretlint runs as possible: each run builds every rule afresh, which
 * costs more than scanning a few hundred lines, so small files are joined (with a boundary
 * no pattern crosses) and the findings split back by line. The results are in input order.
 */
export async function scanTexts(items: readonly { path: string; text: string }[]): Promise<TextScan[]> {
  const results: TextScan[] = items.map(() => ({ detections: [], secrets: [] }))
  let batch: { index: number; firstLine: number; lines: number }[] = []
  let parts: string[] = []
  let size = 0
  let nextLine = 1
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return
    const scan = await scanText(parts.join(BOUNDARY), 'batch.txt')
    // scanText reports the secret of detection i at secrets[i].
    scan.detections.forEach((detection, i) => {
      const owner = batch.findLast((entry) => entry.firstLine <= detection.line)
      if (!owner || detection.line >= owner.firstLine + owner.lines) return
      const result = results[owner.index]!
      result.detections.push({ ...detection, line: detection.line - owner.firstLine + 1 })
      result.secrets.push(scan.secrets[i]!)
    })
    batch = []
    parts = []
    size = 0
    nextLine = 1
  }
  for (const [index, item] of items.entries()) {
    if (NAME_SENSITIVE.test(item.path)) {
      results[index] = await scanText(item.text, item.path)
      continue
    }
    if (size + item.text.length > BATCH_BYTES) await flush()
    const lines = item.text.split('\n').length
    batch.push({ index, firstLine: nextLine, lines })
    parts.push(item.text)
    size += item.text.length
    // The boundary adds one line of its own between two texts.
    nextLine += lines + 1
  }
  await flush()
  return results
}

