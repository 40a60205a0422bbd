// The issues, comments and events emergency-followup reads and writes. Every failure becomes
// one GitHubAccessError naming what was tried and the permission it needs.
import type { ReviewIssueCandidate } from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

export interface IssueInfo extends ReviewIssueCandidate {
  createdAt: string
  closedAt: string | null
  htmlUrl: string
}

export interface IssueListFilter {
  state: 'open' | 'closed' | 'all'
  /** GitHub keeps issues carrying every one of these. */
  label?: string
  /** Only issues updated at or after this time. */
  since?: string
}

interface IssueData {
  number: number
  title: string
  body?: string | null
  state: string
  labels: Array<string | { name?: string }>
  created_at: string
  closed_at: string | null
  html_url: string
  pull_request?: unknown
}

function issueInfo(data: IssueData): IssueInfo {
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    state: data.state === 'closed' ? 'closed' : 'open',
    labels: data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== ''),
    createdAt: data.created_at,
    closedAt: data.closed_at,
    htmlUrl: data.html_url
  }
}

/** Issues (never pull requests, which GitHub lists among them), 100 a page. */
export async function listIssues(client: GitHubClient, repo: RepoRef, filter: IssueListFilter): Promise<IssueInfo[]> {
  try {
    const all = await client.paginate(client.rest.issues.listForRepo, {
      ...repo,
      state: filter.state,
      per_page: 100,
      ...(filter.label ? { labels: filter.label } : {}),
      ...(filter.since ? { since: filter.since } : {})
    })
    return all.filter((i) => !i.pull_request).map((i) => issueInfo(i as IssueData))
  } catch (error) {
    throw describeRequestError(error, `list the issues of ${repo.owner}/${repo.repo}`, 'issues: read')
  }
}

export async function createIssue(
  client: GitHubClient,
  repo: RepoRef,
  issue: { title: string; body: string; labels: string[]; assignees: string[] }
): Promise<IssueInfo> {
  try {
    const { data } = await client.rest.issues.create({ ...repo, ...issue })
    return issueInfo(data as IssueData)
  } catch (error) {
    throw describeRequestError(error, `open an issue in ${repo.owner}/${repo.repo}`, 'issues: write')
  }
}

export async function updateIssue(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
  change: { body?: string; state?: 'open' | 'closed'; stateReason?: 'completed' | 'not_planned' | 'reopened' }
): Promise<void> {
  try {
    await client.rest.issues.update({
      ...repo,
      issue_number: number,
      ...(change.body !== undefined ? { body: change.body } : {}),
      ...(change.state ? { state: change.state } : {}),
      ...(change.stateReason ? { state_reason: change.stateReason } : {})
    })
  } catch (error) {
    throw describeRequestError(error, `update issue #${number}`, 'issues: write')
  }
}

export async function addIssueLabels(client: GitHubClient, repo: RepoRef, number: number, labels: string[]): Promise<void> {
  try {
    await client.rest.issues.addLabels({ ...repo, issue_number: number, labels })
  } catch (error) {
    throw describeRequestError(error, `label issue #${number}`, 'issues: write')
  }
}

export interface IssueComment {
  id: number
  user: string
  body: string
}

export async function listIssueComments(client: GitHubClient, repo: RepoRef, number: number): Promise<IssueComment[]> {
  try {
    const all = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 })
    return all.map((c) => ({ id: c.id, user: c.user?.login ?? '', body: c.body ?? '' }))
  } catch (error) {
    throw describeRequestError(error, `read the comments of #${number}`, 'issues: read')
  }
}

export async function commentOnIssue(client: GitHubClient, repo: RepoRef, number: number, body: string): Promise<void> {
  try {
    await client.rest.issues.createComment({ ...repo, issue_number: number, body })
  } catch (error) {
    throw describeRequestError(error, `comment on #${number}`, 'issues: write (pull-requests: write to comment on a pull request)')
  }
}

/** Who closed the issue last, from its events (GitHub's record, not the issue's text); null when none says. */
export async function findIssueCloser(client: GitHubClient, repo: RepoRef, number: number): Promise<{ actor: string | null; at: string | null }> {
  try {
    const events = await client.paginate(client.rest.issues.listEvents, { ...repo, issue_number: number, per_page: 100 })
    const closed = events.filter((e) => e.event === 'closed').at(-1)
    return { actor: closed?.actor?.login ?? null, at: closed?.created_at ?? null }
  } catch (error) {
    throw describeRequestError(error, `read the events of issue #${number}`, 'issues: read')
  }
}

export interface MergedPullRequest {
  number: number
  title: string
  author: string
  baseRef: string
  headRef: string
  labels: string[]
  mergedAt: string
  htmlUrl: string
}

/**
 * Pull requests merged at or after `since`, newest update first. GitHub cannot filter by merge
 * time, so closed pull requests are read by last update, newest first, until they were last
 * updated before `since` (a pull request merged after it was updated after it too).
 */
export async function listMergedPullRequestsSince(client: GitHubClient, repo: RepoRef, since: Date, base?: string): Promise<MergedPullRequest[]> {
  const merged: MergedPullRequest[] = []
  try {
    const pages = client.paginate.iterator(client.rest.pulls.list, {
      ...repo,
      state: 'closed',
      sort: 'updated',
      direction: 'desc',
      per_page: 100,
      ...(base ? { base } : {})
    })
    for await (const page of pages) {
      let older = false
      for (const pr of page.data) {
        if (Date.parse(pr.updated_at) < since.getTime()) older = true
        if (pr.merged_at === null || Date.parse(pr.merged_at) < since.getTime()) continue
        merged.push({
          number: pr.number,
          title: pr.title,
          author: pr.user?.login ?? '',
          baseRef: pr.base.ref,
          headRef: pr.head.ref,
          labels: pr.labels.map((l) => l.name),
          mergedAt: pr.merged_at,
          htmlUrl: pr.html_url
        })
      }
      if (older) break
    }
  } catch (error) {
    throw describeRequestError(error, `list the merged pull requests of ${repo.owner}/${repo.repo}`, 'pull-requests: read')
  }
  return merged
}
