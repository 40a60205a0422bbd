// One JSON object per decision, the same shape from every action (contract: "The audit
// record"), so that a year of them can be handed to an auditor. Every field is always
// present (null or [] when it does not apply), keys always come in the same order, and the
// time is passed in: this package never reads a clock.
import type { ChangeType, PolicySource } from './types'

export const AUDIT_SCHEMA = 'change-policy/audit@1'

export type AuditAction = 'classify-change' | 'require-approval' | 'validate-migration' | 'gate-deploy' | 'emergency-followup'

export interface AuditApproval {
  user: string
  /** ISO 8601. */
  at: string
  commit: string
}

export interface AuditCheck {
  name: string
  /** GitHub's conclusion: success, failure, neutral, cancelled, skipped, timed_out, action_required; null while pending. */
  conclusion: string | null
}

export interface AuditChangeRequest {
  issue: number
  title: string
  justification: string
  impact: string
}

export interface AuditPolicyRef {
  path: string
  ref: string
  /** Blob sha of the policy file; null when the built-in defaults applied. */
  sha: string | null
}

export interface AuditRecord {
  schema: typeof AUDIT_SCHEMA
  action: AuditAction
  /** What was decided, e.g. `allowed`/`refused` (gate-deploy), `approved`/`missing` (require-approval), the change type (classify-change). */
  decision: string
  repository: string
  sha: string | null
  pullRequest: number | null
  changeType: ChangeType | null
  controls: string[]
  approvals: AuditApproval[]
  checks: AuditCheck[]
  changeRequest: AuditChangeRequest | null
  reasons: string[]
  policy: AuditPolicyRef
  actor: string
  runUrl: string
  at: string
}

export interface AuditRecordInput {
  action: AuditAction
  decision: string
  repository: string
  sha?: string | null
  pullRequest?: number | null
  changeType?: ChangeType | null
  /** Control names, or the matched controls themselves. */
  controls?: readonly (string | { name: string })[]
  approvals?: readonly AuditApproval[]
  checks?: readonly AuditCheck[]
  changeRequest?: AuditChangeRequest | null
  reasons?: readonly string[]
  policy: PolicySource | AuditPolicyRef
  actor: string
  runUrl: string
  /** When the decision was made; passed in, never read from a clock. */
  at: string | Date
}

export function buildAuditRecord(input: AuditRecordInput): AuditRecord {
  return {
    schema: AUDIT_SCHEMA,
    action: input.action,
    decision: input.decision,
    repository: input.repository,
    sha: input.sha ?? null,
    pullRequest: input.pullRequest ?? null,
    changeType: input.changeType ?? null,
    controls: (input.controls ?? []).map((control) => (typeof control === 'string' ? control : control.name)),
    approvals: (input.approvals ?? []).map((approval) => ({ user: approval.user, at: approval.at, commit: approval.commit })),
    checks: (input.checks ?? []).map((check) => ({ name: check.name, conclusion: check.conclusion ?? null })),
    changeRequest: input.changeRequest
      ? { issue: input.changeRequest.issue, title: input.changeRequest.title, justification: input.changeRequest.justification, impact: input.changeRequest.impact }
      : null,
    reasons: [...(input.reasons ?? [])],
    policy: { path: input.policy.path, ref: input.policy.ref, sha: input.policy.sha ?? null },
    actor: input.actor,
    runUrl: input.runUrl,
    at: typeof input.at === 'string' ? input.at : input.at.toISOString()
  }
}

const RECORD_KEYS: readonly (keyof AuditRecord)[] = ['schema', 'action', 'decision', 'repository', 'sha', 'pullRequest', 'changeType', 'controls', 'approvals', 'checks', 'changeRequest', 'reasons', 'policy', 'actor', 'runUrl', 'at']
const NESTED_KEYS: Record<string, readonly string[]> = {
  approvals: ['user', 'at', 'commit'],
  checks: ['name', 'conclusion'],
  changeRequest: ['issue', 'title', 'justification', 'impact'],
  policy: ['path', 'ref', 'sha']
}

/**
 * One line of JSON with the keys in the contract's order, whatever order the record's
 * properties were created in: records from different actions and releases diff cleanly.
 */
export function serializeAuditRecord(record: AuditRecord): string {
  const ordered: Record<string, unknown> = {}
  for (const key of RECORD_KEYS) {
    const value = record[key]
    const nested = NESTED_KEYS[key]
    ordered[key] = nested === undefined || value === null || value === undefined ? (value ?? null) : Array.isArray(value) ? value.map((item) => pick(item, nested)) : pick(value, nested)
  }
  // U+2028/2029 are valid in JSON but end a line for some readers; keep it one line.
  return JSON.stringify(ordered).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

function pick(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const source = (value ?? {}) as Record<string, unknown>
  const picked: Record<string, unknown> = {}
  for (const key of keys) picked[key] = source[key] ?? null
  return picked
}
