// The simulator's own records: what GitHub stores, not what it answers. The presenters in
// ../present turn these into the response shapes of GitHub's OpenAPI description; the enums
// are taken from that description so a record cannot hold a value GitHub would never send.
import type { components } from '@octokit/openapi-types'

type Schemas = components['schemas']

/** Repository roles, strongest first, as `role_name` reports them. */
export type RepositoryRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read'
export type RepositoryPermission = RepositoryRole | 'none'

export type UserType = 'User' | 'Bot' | 'Organization'

export interface UserRecord {
  login: string
  id: number
  nodeId: string
  type: UserType
  name: string | null
  email: string | null
}

export type Visibility = 'public' | 'private' | 'internal'

export interface RepositoryRecord {
  id: number
  nodeId: string
  owner: string
  name: string
  fullName: string
  defaultBranch: string
  visibility: Visibility
  description: string | null
  createdAt: string
  /** The repository setting `enablePullRequestAutoMerge` needs. */
  allowAutoMerge: boolean
}

/** A commit author or committer as git records it; `login` is the GitHub account it maps to. */
export interface GitIdentity {
  name: string
  email: string
  date: string
  login: string | null
}

export interface CommitRecord {
  sha: string
  treeSha: string
  parents: string[]
  author: GitIdentity
  committer: GitIdentity
  message: string
  /** The whole snapshot: path -> content. Commits share nothing, so a record never changes. */
  tree: ReadonlyMap<string, string>
}

export type FileStatus = Schemas['diff-entry']['status']

export interface ChangedFileRecord {
  filename: string
  status: FileStatus
  additions: number
  deletions: number
  changes: number
  /** GitHub leaves `patch` out for binary and very large diffs. */
  patch?: string
  previousFilename?: string
  /** The blob of the file after the change (before it, for a removed file). */
  sha: string | null
}

export interface LabelRecord {
  id: number
  nodeId: string
  name: string
  color: string
  description: string | null
  default: boolean
}

export type IssueStateReason = 'completed' | 'reopened' | 'not_planned' | 'duplicate'

export interface IssueRecord {
  number: number
  id: number
  nodeId: string
  title: string
  body: string | null
  user: string
  state: 'open' | 'closed'
  stateReason: IssueStateReason | null
  /** Label names, as repository labels hold their colour and id. */
  labels: string[]
  assignees: string[]
  locked: boolean
  createdAt: string
  updatedAt: string
  closedAt: string | null
  closedBy: string | null
  /** Set when this issue is a pull request: both share the number sequence. */
  pull?: PullRequestRecord
}

export type IssueEventName = 'labeled' | 'unlabeled' | 'closed' | 'reopened' | 'merged' | 'head_ref_force_pushed'

export interface IssueEventRecord {
  id: number
  nodeId: string
  issueNumber: number
  event: IssueEventName
  actor: string
  createdAt: string
  label?: { name: string; color: string }
  commitId: string | null
}

export interface CommentRecord {
  id: number
  nodeId: string
  issueNumber: number
  user: string
  body: string
  createdAt: string
  updatedAt: string
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED'

export interface ReviewRecord {
  id: number
  nodeId: string
  pullNumber: number
  user: string
  state: ReviewState
  body: string
  commitId: string
  submittedAt: string
}

export type MergeMethod = 'merge' | 'squash' | 'rebase'

export interface AutoMergeRecord {
  enabledBy: string
  mergeMethod: MergeMethod
  commitTitle: string
  commitMessage: string
  enabledAt: string
}

/** REST `mergeable_state`; GraphQL reports it upper-cased as `mergeStateStatus`. */
export type MergeableState = 'clean' | 'blocked' | 'behind' | 'dirty' | 'unstable' | 'has_hooks' | 'unknown' | 'draft'

export interface PullRequestRecord {
  number: number
  id: number
  nodeId: string
  issue: IssueRecord
  draft: boolean
  head: { ref: string; sha: string; repo: string }
  base: { ref: string; sha: string }
  merged: boolean
  mergedAt: string | null
  mergedBy: string | null
  mergeCommitSha: string | null
  mergeableState: MergeableState
  files: ChangedFileRecord[]
  /** GitHub's `changed_files` counts every file even where the files list stops at 3,000. */
  changedFiles: number
  /** Shas of the pull request's own commits, oldest first. */
  commits: string[]
  /** The commits its merge wrote on the base (a rebase writes one per commit; GitHub associates each with it). */
  landedCommits?: string[]
  autoMerge: AutoMergeRecord | null
  requestedReviewers: string[]
  /** Issues linked in the Development sidebar (closing keywords in the body are read live). */
  linkedIssues: number[]
  maintainerCanModify: boolean
}

export interface AppRecord {
  id: number
  slug: string
  nodeId: string
  name: string
  owner: string
  description: string
  externalUrl: string
  htmlUrl: string
  createdAt: string
  updatedAt: string
  permissions: Record<string, string>
  events: string[]
}

export type CheckRunStatus = Schemas['check-run']['status']
export type CheckRunConclusion = NonNullable<Schemas['check-run']['conclusion']>

export interface CheckRunRecord {
  id: number
  nodeId: string
  headSha: string
  name: string
  status: CheckRunStatus
  conclusion: CheckRunConclusion | null
  startedAt: string | null
  completedAt: string | null
  externalId: string
  detailsUrl: string | null
  output: { title: string | null; summary: string | null; text: string | null }
  app: AppRecord
  checkSuiteId: number
}

export type CommitState = 'error' | 'failure' | 'pending' | 'success'

export interface StatusRecord {
  id: number
  nodeId: string
  sha: string
  state: CommitState
  context: string
  description: string | null
  targetUrl: string | null
  creator: string
  createdAt: string
  updatedAt: string
}

export interface TeamMembership {
  state: 'active' | 'pending'
  role: 'member' | 'maintainer'
}

export interface TeamRecord {
  id: number
  nodeId: string
  org: string
  slug: string
  name: string
  members: Map<string, TeamMembership>
}

export type DeploymentState = Schemas['deployment-status']['state']

export interface DeploymentStatusRecord {
  id: number
  nodeId: string
  state: DeploymentState
  creator: string
  description: string
  environment: string
  targetUrl: string
  logUrl: string
  environmentUrl: string
  createdAt: string
  updatedAt: string
}

export interface DeploymentRecord {
  id: number
  nodeId: string
  sha: string
  /** The ref as given (branch, tag or sha). */
  ref: string
  task: string
  payload: Record<string, unknown> | string
  environment: string
  description: string | null
  creator: string
  transientEnvironment: boolean
  productionEnvironment: boolean
  createdAt: string
  updatedAt: string
  /** Oldest first. */
  statuses: DeploymentStatusRecord[]
}
