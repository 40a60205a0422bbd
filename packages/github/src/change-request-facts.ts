import {
  evaluateChangeRequest,
  MAX_ISSUE_REFERENCES,
  parseIssueReferences,
  type ChangeRequestFacts,
  type ChangeType,
  type IssueReference,
  type LinkedIssue,
  type Policy
} from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'
import { readLinkedIssue } from './issues'
import type { PullRequestInfo } from './pulls'
import { listSidebarLinkedIssues } from './sidebar-links'

export interface ChangeRequestFactsInput {
  /** As `getPullRequest` read it: its description is not read again. */
  pr: PullRequestInfo
  changeType: ChangeType
  policy: Policy
  /** GITHUB_SERVER_URL: issue URLs in the description are recognised on this host. */
  serverUrl?: string
}

export interface GatheredChangeRequestFacts {
  facts: ChangeRequestFacts
  /** What the reader should know about what was not read, one sentence each. */
  notes: string[]
}

/**
 * What `evaluateChangeRequest` needs, with as few requests as the answer allows:
 * - nothing at all when the change type needs no change request, for an emergency (never
 *   blocked), with `documented-in: pull-request` (the description is the change request), or
 *   with `either` when the description already documents the change;
 * - one REST request per issue of this repository that the description references, at most
 *   MAX_ISSUE_REFERENCES, in parallel. References to pull requests (`/pull/` URLs) and to
 *   other repositories cannot be the change request and are not read;
 * - one GraphQL request for the Development sidebar, only when those did not already
 *   document the change: the sidebar can hold links the description does not mention.
 * So one linked issue costs one request when it documents the change and two when it
 * does not. Whatever cannot be read is passed on as such, and the requirement fails
 * closed on it.
 */
export async function gatherChangeRequestFacts(client: GitHubClient, repo: RepoRef, input: ChangeRequestFactsInput): Promise<GatheredChangeRequestFacts> {
  const { pr, policy, changeType } = input
  const repository = { owner: repo.owner, name: repo.repo }
  const facts: ChangeRequestFacts = {
    changeType,
    repository,
    pullRequest: { number: pr.number, body: pr.body, title: pr.title },
    linkedIssues: [],
    skippedReferences: 0
  }
  const notes: string[] = []
  const settings = policy.changeRequest
  const needsIssues = settings.required.includes(changeType) && changeType !== 'emergency' && settings.documentedIn !== 'pull-request'
  if (!needsIssues || evaluateChangeRequest(facts, policy).satisfied) return { facts, notes }

  const parsed = parseIssueReferences(pr.body, repository, input.serverUrl)
  facts.skippedReferences = parsed.skipped
  if (parsed.skipped > 0) {
    const total = parsed.references.length + parsed.skipped
    notes.push(
      `The description of pull request #${pr.number} references ${total} issues or pull requests; only the first ${MAX_ISSUE_REFERENCES} ` +
        `(this repository's first) were considered as change requests, ${parsed.skipped} were not read.`
    )
  }
  facts.linkedIssues = await Promise.all(
    parsed.references.map((reference) => (reference.crossRepository || reference.isPullRequest ? unreadReference(reference) : readLinkedIssue(client, repo, reference.number)))
  )
  if (evaluateChangeRequest(facts, policy).satisfied) return { facts, notes }

  const sidebar = await listSidebarLinkedIssues(client, repo, pr.number)
  if ('error' in sidebar) {
    facts.sidebarError = sidebar.error
    return { facts, notes }
  }
  facts.linkedIssues.push(...sidebar.issues)
  facts.skippedSidebarLinks = sidebar.skipped
  if (sidebar.skipped > 0) {
    notes.push(`Pull request #${pr.number} has ${sidebar.issues.length + sidebar.skipped} issues linked in its Development sidebar; only the first ${MAX_ISSUE_REFERENCES} were read.`)
  }
  return { facts, notes }
}

/**
 * A reference that cannot be the change request whatever it holds: a pull request's URL, or
 * another repository's issue. Reading it would cost a request and could change nothing.
 */
function unreadReference(reference: IssueReference): LinkedIssue {
  return {
    number: reference.number,
    title: '',
    body: '',
    labels: [],
    state: 'open',
    isPullRequest: reference.isPullRequest,
    repository: { owner: reference.owner, name: reference.name },
    source: 'body'
  }
}
