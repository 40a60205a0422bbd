// Per-token rate-limit windows with GitHub's headers. Every authenticated answer carries
// them, `remaining` counts down per request, and an exhausted window is refused with 403
// and `x-ratelimit-remaining: 0` — the signal Octokit's throttling plugin waits on.
import type { RateLimitWindow, TokenRecord } from '../state/tokens'
import { ApiError } from './api-error'

const HOUR_SECONDS = 3600
const GRAPHQL_POINTS = 5000

export function consumeRateLimit(token: TokenRecord, resource: string, nowMs: number): { window: RateLimitWindow; exceeded: boolean } {
  const nowSeconds = Math.floor(nowMs / 1000)
  let window = token.rateLimits.get(resource)
  if (window === undefined || window.reset <= nowSeconds) {
    window = { limit: resource === 'graphql' ? GRAPHQL_POINTS : token.rateLimit, used: 0, reset: nowSeconds + HOUR_SECONDS }
    token.rateLimits.set(resource, window)
  }
  if (window.used >= window.limit) return { window, exceeded: true }
  window.used += 1
  return { window, exceeded: false }
}

export function rateLimitHeaders(window: RateLimitWindow, resource: string): Record<string, string> {
  return {
    'x-ratelimit-limit': String(window.limit),
    'x-ratelimit-remaining': String(Math.max(0, window.limit - window.used)),
    'x-ratelimit-reset': String(window.reset),
    'x-ratelimit-used': String(window.used),
    'x-ratelimit-resource': resource
  }
}

export function primaryRateLimitExceeded(token: TokenRecord): ApiError {
  const who = token.kind === 'user' ? `user ID ${token.login}` : `installation ID ${token.app?.id ?? 0}`
  return new ApiError(403, `API rate limit exceeded for ${who}.`, {
    documentationUrl: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
  })
}
