// The policy as the rest of the code sees it: every section present, defaults filled in,
// names in their canonical form. Produced by `parsePolicy`; nothing else builds one except
// `defaultPolicy()` and tests.

export type ChangeType = 'standard' | 'normal' | 'emergency'
export const CHANGE_TYPES: readonly ChangeType[] = ['standard', 'normal', 'emergency']

export type SemverLevel = 'patch' | 'minor' | 'major'

/** A user login (`alice`) or a team (`@acme/security`, kept with its `@`). */
export type Principal = string

export interface EmergencyClassification {
  labels: string[]
  headBranches: string[]
  /** Empty: anyone with write access may declare an emergency. */
  declaredBy: Principal[]
}

export interface StandardClassification {
  paths: string[]
  dependencyUpdates: SemverLevel[]
  dependencyBots: string[]
}

export interface Control {
  name: string
  paths: string[]
  approvals: number
  /** Empty: anyone eligible to approve counts. */
  reviewers: Principal[]
  requiredChecks: string[]
  /** Built in (the policy file itself, workflows) rather than written in the policy. */
  builtIn: boolean
}

export interface ApprovalSettings {
  standard: number
  normal: number
  emergency: number
  invalidateOnPush: boolean
  ignoreBaseUpdates: boolean
  allowSelfApproval: boolean
  countBots: boolean
  autoMerge: ChangeType[]
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'

export interface Freeze {
  name: string
  /** ISO 8601 instants; present together for a dated window. */
  from?: string
  to?: string
  /** Recurring days, read in `timezone`. */
  days?: Weekday[]
  timezone: string
  allow: ChangeType[]
}

export interface DeploySettings {
  branches: string[]
  /** The environments the gate guards; a gate run for any other is refused (a typo must not skip the rules). */
  environments: string[]
  requiredChecks: string[]
  /** Check name -> the slug of the GitHub App whose check run alone satisfies it (`{name, app}` items). */
  checkApps: Record<string, string>
  allowDirectPush: boolean
  freezes: Freeze[]
}

export type DocumentedIn = 'issue' | 'pull-request' | 'either'

export interface ChangeRequestSettings {
  required: ChangeType[]
  sections: string[]
  labels: string[]
  documentedIn: DocumentedIn
}

export interface EmergencySettings {
  reviewWithinHours: number
  reviewers: Principal[]
  labels: string[]
  escalateTo: Principal[]
}

export type RuleSeverity = 'error' | 'warning' | 'off'

export interface MigrationSettings {
  path: string
  rules: Record<string, RuleSeverity>
}

/** `credentials.on-finding`: what an unwaived credential in the added lines does. */
export type CredentialFindingAction = 'fail' | 'control'

export interface CredentialSettings {
  scan: boolean
  onFinding: CredentialFindingAction
  /** Globs of files never scanned (test fixtures, say). */
  ignorePaths: string[]
}

export interface Policy {
  version: 1
  classification: {
    emergency: EmergencyClassification
    standard: StandardClassification
  }
  /** Written controls first, then the built-in ones. */
  controls: Control[]
  approvals: ApprovalSettings
  deploy: DeploySettings
  changeRequest: ChangeRequestSettings
  emergency: EmergencySettings
  migrations: MigrationSettings
  credentials: CredentialSettings
}

/** Where a policy came from, for messages and the audit record. */
export interface PolicySource {
  path: string
  ref: string
  /** Blob sha of the file, absent when the built-in defaults apply. */
  sha?: string
  /** True when no file existed at the ref and `defaultPolicy()` was used. */
  defaulted: boolean
}

/**
 * A problem that a user can fix, with where it is and what to do. Every layer turns its
 * failures into these; packages/runtime turns them into one annotation and one summary line.
 */
export interface Problem {
  message: string
  /** What to do about it, phrased as an instruction. */
  fix?: string
  file?: string
  /** 1-based. */
  line?: number
  /** 1-based. */
  column?: number
}
