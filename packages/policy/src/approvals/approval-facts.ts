import type { ChangeType } from '../types'

// Plain data that the GitHub layer gathers before anything is judged, so that every rule
// below can be tested, simulated and replayed without a server.

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED'

export type RepositoryPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

export interface PullRequestFacts {
  number: number
  /** Login of the pull request's author. */
  author: string
  headSha: string
  baseRef: string
}

export interface CommitFacts {
  sha: string
  /** Login of the commit's author; null when the e-mail is linked to no account. */
  author: string | null
  /** Login of the committer; null when unlinked. `web-flow` for commits GitHub made. */
  committer: string | null
  parents: string[]
  /** A merge commit that only brings the base branch in (GitHub's "Update branch"). */
  mergesBase: boolean
}

export interface ReviewFacts {
  id: number
  user: string
  isBot: boolean
  state: ReviewState
  /** The commit the review was given on (`commit_id`). */
  commitSha: string
  /** ISO 8601. */
  submittedAt: string
}

export interface ApprovalFacts {
  changeType: ChangeType
  pullRequest: PullRequestFacts
  /** The pull request's commits, oldest first, as `GET /pulls/{n}/commits` lists them. */
  commits: CommitFacts[]
  /** Every submitted review; pending ones are not the GitHub layer's to pass on. */
  reviews: ReviewFacts[]
  /** Permission of each reviewer, by login. A reviewer missing here has no known permission. */
  permissions: Record<string, RepositoryPermission>
  /** Members of each team the requirements name, by `@org/slug`. */
  teamMembers: Record<string, string[]>
}
