// Failures a test asks for: rules checked in order before routing, each answering (or
// holding) a matching request a number of times. The presets reproduce what GitHub sends,
// so client retry and throttling code meets the real signals.
import { STATUS_CODES } from 'node:http'
import { REST_DOCS } from './api-error'

export interface FaultRequest {
  method: string
  /** The path as requested, without the query. */
  path: string
  requestId: string
}

export interface FaultRule {
  /** Any method when absent. */
  method?: string
  /** Equal to the request path (with or without the query), or a RegExp tested against both. */
  path: string | RegExp
  /** How many requests the rule answers: default 1, `Infinity` for all. */
  times?: number
  /** The status to answer with; absent with `delayMs`, the request proceeds normally after the delay. */
  status?: number
  headers?: Record<string, string>
  /** JSON body; a function is called per request (to quote its request id). Default: GitHub's error shape. */
  body?: unknown | ((request: FaultRequest) => unknown)
  /** Hold the answer this long (a hang, to test client timeouts). */
  delayMs?: number
}

export interface InjectedFault {
  readonly rule: FaultRule
  /** Requests the rule has answered so far. */
  hits: number
  readonly remaining: number
}

export class FaultRules {
  private readonly faults: { rule: FaultRule; hits: number; remaining: number }[] = []

  add(rule: FaultRule): InjectedFault {
    const fault = { rule, hits: 0, remaining: rule.times ?? 1 }
    this.faults.push(fault)
    return fault
  }

  clear(): void {
    this.faults.length = 0
  }

  /** The first rule with answers left that matches; consumes one of its answers. */
  take(method: string, paths: readonly string[]): FaultRule | undefined {
    for (const fault of this.faults) {
      if (fault.remaining <= 0) continue
      const rule = fault.rule
      if (rule.method !== undefined && rule.method.toUpperCase() !== method) continue
      const matched = paths.some((p) => (typeof rule.path === 'string' ? rule.path === p : (rule.path.lastIndex = 0, rule.path.test(p))))
      if (!matched) continue
      fault.remaining -= 1
      fault.hits += 1
      return rule
    }
    return undefined
  }
}

export function faultBody(rule: FaultRule, request: FaultRequest): unknown {
  if (typeof rule.body === 'function') return (rule.body as (r: FaultRequest) => unknown)(request)
  if (rule.body !== undefined) return rule.body
  const status = rule.status ?? 500
  return { message: status === 500 ? 'Server Error' : (STATUS_CODES[status] ?? 'Error'), documentation_url: REST_DOCS, status: String(status) }
}

/** GitHub's secondary rate limit: 403 with `retry-after` and this message. */
export function secondaryRateLimit(path: string | RegExp, options: { retryAfterSeconds?: number; times?: number; method?: string } = {}): FaultRule {
  const rule: FaultRule = {
    path,
    times: options.times ?? 1,
    status: 403,
    headers: { 'retry-after': String(options.retryAfterSeconds ?? 1) },
    body: (request: FaultRequest) => ({
      message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${request.requestId}.`,
      documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403'
    })
  }
  if (options.method !== undefined) rule.method = options.method
  return rule
}

/** An exhausted primary rate limit: 403 with `x-ratelimit-remaining: 0` and a reset `resetInSeconds` away. */
export function primaryRateLimit(path: string | RegExp, options: { resetInSeconds?: number; times?: number; method?: string } = {}): FaultRule {
  const reset = Math.floor(Date.now() / 1000) + (options.resetInSeconds ?? 1)
  const rule: FaultRule = {
    path,
    times: options.times ?? 1,
    status: 403,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
    body: {
      message: 'API rate limit exceeded for installation ID 15368.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      status: '403'
    }
  }
  if (options.method !== undefined) rule.method = options.method
  return rule
}
