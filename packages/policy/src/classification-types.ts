// The plain data that classification reads and returns. The GitHub layer gathers the facts
// first (files, labels and who added them, permissions, team members), so that every
// rule can be tested and replayed without a server.
import type { CredentialScanFacts, CredentialVerdict } from './credentials/credential-verdict'
import type { ChangeType, Principal, SemverLevel } from './types'

/** GitHub's `status` of a file in a pull request. */
export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'

export interface ChangedFile {
  path: string
  /** The path before a rename (GitHub's `previous_filename`). */
  previousPath?: string
  /** A `FileStatus` as GitHub reports it; classification does not depend on it. */
  status: string
}

export interface LabelFact {
  name: string
  /** Login of whoever last added the label; undefined when unknown. */
  addedBy?: string
}

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

export interface DependencyUpdate {
  name: string
  /** As written by the bot (`4.17.20`, `v3`, `^1.2.0`); empty when it did not say. */
  from: string
  to: string
  level: SemverLevel | 'unknown'
}

export interface ClassificationFacts {
  files: ChangedFile[]
  labels: LabelFact[]
  headBranch: string
  author: string
  authorIsBot: boolean
  /** From `parseDependencyUpdates`; null when the pull request is not a dependency update. */
  dependencyUpdates: DependencyUpdate[] | null
  /**
   * Logins of the authors of the pull request's commits, when the GitHub layer has them.
   * When given, a dependency update is standard only if the bot wrote every commit: a
   * human pushing onto a bot's branch must not ride on the bot's pre-approval.
   */
  commitAuthors?: (string | null)[]
  /** Repository permission of the label adders and the author, by login. */
  permissions: Record<string, Permission>
  /** Members of the teams named in `declared-by`, by `@org/slug`. */
  teamMembers: Record<string, string[]>
  /** What the credential scan of the added lines found; absent when the caller did not scan. */
  credentials?: CredentialScanFacts
}

/** One count of approvals the change needs; each is satisfied on its own. */
export interface Requirement {
  source: 'change-type' | 'control'
  /** The change type (`normal`) or the control's name. */
  name: string
  approvals: number
  /** Empty: anyone eligible. */
  reviewers: Principal[]
}

export interface FileRef {
  path: string
  previousPath?: string
}

export interface MatchedControl {
  name: string
  /** The first files that matched (at most `MAX_FILES_KEPT_PER_CONTROL`); `fileCount` has them all. */
  files: FileRef[]
  fileCount: number
  approvals: number
  reviewers: Principal[]
  requiredChecks: string[]
  builtIn: boolean
}

export interface StandardPathMatches {
  /** Files whose path (both paths, for a rename) matches a standard path. */
  matched: number
  total: number
  /** The first file that does not, if any. */
  firstOutside: FileRef | null
}

export interface EmergencyDeclaration {
  by: 'label' | 'head-branch'
  /** The label or the head branch. */
  value: string
  /** Who declared it: the label's adder or the pull request's author. */
  actor: string
}

export interface Classification {
  changeType: ChangeType
  controls: MatchedControl[]
  requirements: Requirement[]
  /** The fewest distinct approvers that could satisfy every requirement. */
  requiredApprovals: number
  /** One sentence per decision, in the order they were made. */
  reasons: string[]
  /** How the emergency was declared, when it is one. */
  emergency: EmergencyDeclaration | null
  standardPaths: StandardPathMatches
  /** Whether the dependency-update rule made (or would have made) the change standard. */
  dependencyRule: { applies: boolean; reason: string } | null
  filesCount: number
  /** The credential scan's verdict; null when nothing was scanned (or `credentials.scan` is off). */
  credentials: CredentialVerdict | null
}
