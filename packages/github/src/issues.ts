import type { LinkedIssue, RepositoryName } from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'

interface RequestErrorLike {
  status?: number
  message?: string
  response?: { data?: unknown }
}

/** `https://api.github.com/repos/acme/app` → acme/app; null when it is not such a URL. */
export function repositoryFromApiUrl(url: string): RepositoryName | null {
  const match = /\/repos\/([^/]+)\/([^/]+)\/?$/.exec(url)
  return match ? { owner: decodeURIComponent(match[1]!), name: decodeURIComponent(match[2]!) } : null
}

/**
 * Issue `number` of `repo` as a possible change request (`GET /repos/{owner}/{repo}/issues/{n}`,
 * which answers for pull requests too, with a `pull_request` key). Never throws: an issue that
 * cannot be read comes back with `readError` and `readFix`, and the requirement fails closed
 * on it, naming it. A transferred issue is followed (GitHub redirects) and then belongs to
 * another repository, which its `repository` says.
 */
export async function readLinkedIssue(client: GitHubClient, repo: RepoRef, number: number, source: LinkedIssue['source'] = 'body'): Promise<LinkedIssue> {
  const unread: LinkedIssue = {
    number,
    title: '',
    body: '',
    labels: [],
    state: 'open',
    isPullRequest: false,
    repository: { owner: repo.owner, name: repo.repo },
    source
  }
  try {
    const { data } = await client.rest.issues.get({ ...repo, issue_number: number })
    return {
      ...unread,
      title: data.title,
      body: data.body ?? '',
      labels: data.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter((name) => name !== ''),
      state: data.state === 'closed' ? 'closed' : 'open',
      isPullRequest: data.pull_request !== undefined && data.pull_request !== null,
      repository: repositoryFromApiUrl(data.repository_url) ?? unread.repository
    }
  } catch (error) {
    return { ...unread, ...readFailure(error as RequestErrorLike) }
  }
}

function answer(error: RequestErrorLike): string {
  const data = error.response?.data
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data.message
  return error.message ?? String(error)
}

function readFailure(error: RequestErrorLike): { readError: string; readFix: string } {
  const status = typeof error.status === 'number' ? error.status : undefined
  if (status === 404) {
    return {
      readError: 'GitHub answered HTTP 404: there is no such issue, or the token cannot see it',
      readFix: "check the number; if the issue exists, give the workflow's token `issues: read`"
    }
  }
  if (status === 410) return { readError: 'GitHub answered HTTP 410: the issue was deleted', readFix: 'link the change request that replaces it' }
  if (status === 401 || status === 403) {
    return { readError: `GitHub answered HTTP ${status}: ${answer(error)}`, readFix: "give the workflow's token `issues: read` in its `permissions:` block" }
  }
  if (status !== undefined && status >= 500) {
    return { readError: `GitHub answered HTTP ${status} after retries`, readFix: 'nothing passes while GitHub cannot answer: re-run the job' }
  }
  const what = status === undefined ? `no answer from GitHub after retries (${answer(error)})` : `GitHub answered HTTP ${status}: ${answer(error)}`
  return { readError: what, readFix: 'nothing passes while the issue cannot be read: re-run the job' }
}
