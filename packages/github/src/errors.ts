import type { Problem } from '@change-policy/policy'

/**
 * A failure to read or write something on GitHub, already phrased for the user: what we
 * tried, what GitHub answered and what to change. Actions fail closed on it.
 */
export class GitHubAccessError extends Error {
  readonly problem: Problem
  readonly status: number | undefined

  constructor(problem: Problem, status?: number) {
    super(problem.message)
    this.name = 'GitHubAccessError'
    this.problem = problem
    this.status = status
  }
}

interface RequestErrorLike {
  status?: number
  message?: string
  name?: string
  cause?: { name?: string }
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> }
}

function githubMessage(error: RequestErrorLike): string {
  const data = error.response?.data
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data.message
  return error.message ?? String(error)
}

/**
 * Turns whatever Octokit threw into a GitHubAccessError. `what` names the operation
 * ("read the files of pull request #12"); `permission` names the token permission it needs,
 * so a 403 can say which line to add to the workflow's `permissions:`.
 */
export function describeRequestError(error: unknown, what: string, permission?: string): GitHubAccessError {
  if (error instanceof GitHubAccessError) return error
  const e = (error ?? {}) as RequestErrorLike
  // Octokit reports a request it aborted on our deadline as a 500 "Unknown Error"; say what
  // really happened, since "GitHub failed" and "GitHub never answered" call for different fixes.
  const timedOut = [e.name, e.cause?.name].some((name) => name === 'TimeoutError' || name === 'AbortError')
  if (timedOut) {
    return new GitHubAccessError({
      message: `Could not ${what}: GitHub did not answer in time, even after retries (request timeout).`,
      fix: 'Re-run the job; if GitHub is slow or unreachable from this runner, check its status and the runner\'s network.'
    })
  }
  const status = typeof e.status === 'number' ? e.status : undefined
  const answer = githubMessage(e)
  let fix: string
  if (status === 401) {
    fix = 'The token was refused: check the `token` input (an expired or revoked token, or a secret that is not set).'
  } else if (status === 403 || (status === 404 && permission)) {
    fix = permission
      ? `Give the workflow's token \`${permission}\` in its \`permissions:\` block (or use a token that has it).`
      : 'The token lacks a permission this step needs: see the action README for the permissions block.'
  } else if (status === 404) {
    fix = 'Check that the repository, pull request or ref exists and that the token can see it.'
  } else if (status !== undefined && status >= 500) {
    fix = 'GitHub kept failing after retries; re-run the job. Nothing was decided while it was unavailable.'
  } else {
    fix = 'Re-run the job; if it fails again, the message above says what GitHub refused.'
  }
  const code = status !== undefined ? `HTTP ${status}` : 'no answer'
  return new GitHubAccessError({ message: `Could not ${what}: GitHub answered ${code}: ${answer}`, fix }, status)
}
