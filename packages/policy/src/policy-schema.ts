// The vocabulary of the policy file: which keys each section may hold and which words a
// value may be. Unknown keys are errors (a typo must not silently weaken a rule), so this
// list is the single place that says what a policy file can contain.
import type { ChangeType, CredentialFindingAction, DocumentedIn, RuleSeverity, SemverLevel, Weekday } from './types'

export const POLICY_VERSIONS = [1] as const

/** Keys of each mapping, by its dotted path; `[]` marks the items of a list. */
export const SECTION_KEYS = {
  '': ['version', 'classification', 'controls', 'approvals', 'deploy', 'change-request', 'emergency', 'migrations', 'credentials'],
  classification: ['emergency', 'standard'],
  'classification.emergency': ['labels', 'head-branches', 'declared-by'],
  'classification.standard': ['paths', 'dependency-updates', 'dependency-bots'],
  'controls[]': ['name', 'paths', 'approvals', 'reviewers', 'required-checks'],
  approvals: ['standard', 'normal', 'emergency', 'invalidate-on-push', 'ignore-base-updates', 'allow-self-approval', 'count-bots', 'auto-merge'],
  deploy: ['branches', 'environments', 'required-checks', 'allow-direct-push', 'freezes'],
  'deploy.freezes[]': ['name', 'from', 'to', 'days', 'timezone', 'allow'],
  'deploy.required-checks[]': ['name', 'app'],
  'change-request': ['required', 'sections', 'labels', 'documented-in'],
  emergency: ['review-within-hours', 'reviewers', 'labels', 'escalate-to'],
  migrations: ['path', 'rules'],
  credentials: ['scan', 'on-finding', 'ignore-paths']
} as const satisfies Record<string, readonly string[]>

export type SectionPath = keyof typeof SECTION_KEYS

export const CHANGE_TYPE_WORDS: readonly ChangeType[] = ['standard', 'normal', 'emergency']
export const SEMVER_LEVEL_WORDS: readonly SemverLevel[] = ['patch', 'minor', 'major']
export const WEEKDAY_WORDS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
export const RULE_SEVERITY_WORDS: readonly RuleSeverity[] = ['error', 'warning', 'off']
export const DOCUMENTED_IN_WORDS: readonly DocumentedIn[] = ['issue', 'pull-request', 'either']

export const CREDENTIAL_FINDING_WORDS: readonly CredentialFindingAction[] = ['fail', 'control']

/** Names the built-in controls take; a written control may not reuse them. */
export const BUILT_IN_CONTROL_NAMES = ['policy-file', 'workflows', 'credentials'] as const
