import type { ChangeType } from '../types'
import type { RepositoryName } from './repository-name'

/** An issue the pull request links, as the GitHub layer read it. */
export interface LinkedIssue {
  number: number
  title: string
  body: string
  labels: string[]
  state: 'open' | 'closed'
  isPullRequest: boolean
  repository: RepositoryName
  /** Referenced in the pull request's body, or linked in the Development sidebar. */
  source: 'body' | 'sidebar'
  /** Set when the issue could not be read (not found, no access, GitHub failing); the rest is then meaningless. */
  readError?: string
  /** What to do about `readError`, as an instruction; a generic one when absent. */
  readFix?: string
}

export interface ChangeRequestFacts {
  changeType: ChangeType
  /** The pull request's own repository: a change request must be an issue there. */
  repository: RepositoryName
  /** The title is what the audit record names when the description itself is the change request. */
  pullRequest: { number: number; body: string; title?: string }
  /** Body references first, in the order written, then sidebar links. */
  linkedIssues: LinkedIssue[]
  /** References beyond the cap that were not read (`IssueReferences.skipped`). */
  skippedReferences: number
  /** Development-sidebar links beyond the ones read. */
  skippedSidebarLinks?: number
  /** Set when the Development sidebar's links could not be read: a link there may be the change request. */
  sidebarError?: string
}
