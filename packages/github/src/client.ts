import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface ClientOptions {
  token: string
  /** GITHUB_API_URL; GitHub Enterprise Server and the test simulator both set it. */
  baseUrl?: string
  /** Where retries and rate-limit waits are reported; the runner's log in an action. */
  log?: (message: string) => void
  /** Abort one request after this long, so a hung connection fails the gate instead of the job timing out. */
  requestTimeoutMs?: number
  /** Base of the retry back-off (1x, 4x, 9x of it). */
  retryBaseMs?: number
}

const RETRIES = 3
const RATE_LIMIT_RETRIES = 2
// Waiting longer than this for a rate limit would hold a runner for nothing: fail and say so.
const LONGEST_RATE_LIMIT_WAIT_S = 60

/**
 * One Octokit for the whole run: retries 5xx answers and network errors with back-off
 * (a flaky API must not fail a gate, and must not pass one either: after the retries the
 * error surfaces), and waits out primary and secondary rate limits when GitHub says how long.
 */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? (() => {})
  const timeoutMs = options.requestTimeoutMs ?? 30_000
  const octokit = getOctokit(
    options.token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
      retry: { retries: RETRIES, retryAfterBaseValue: options.retryBaseMs ?? 250 },
      throttle: {
        onRateLimit: (retryAfter, request, _octokit, retryCount) => {
          log(`GitHub's rate limit was reached for ${request.method} ${request.url}; retry in ${retryAfter} s.`)
          return retryCount < RATE_LIMIT_RETRIES && retryAfter <= LONGEST_RATE_LIMIT_WAIT_S
        },
        onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
          log(`GitHub's secondary rate limit was hit for ${request.method} ${request.url}; retry in ${retryAfter} s.`)
          return retryCount < RATE_LIMIT_RETRIES && retryAfter <= LONGEST_RATE_LIMIT_WAIT_S
        }
      }
    },
    retry,
    throttling
  )
  // Every hook in the chain shares this one options object, so the timeout is set on it,
  // around the fetch (the runner's proxy-aware one): each attempt, retries included, gets
  // its own deadline.
  octokit.hook.wrap('request', (request, requestOptions) => {
    const fetchFn: typeof fetch = requestOptions.request?.fetch ?? globalThis.fetch
    requestOptions.request = {
      ...requestOptions.request,
      fetch: (url: string, init: RequestInit) => fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    }
    return request(requestOptions)
  })
  return octokit
}

export interface RepoRef {
  owner: string
  repo: string
}
