// One request, in GitHub's order: injected faults first (they model the network and
// GitHub's front end), then authentication, rate limit, routing, repository visibility,
// token permissions, body parsing, and the route. Every answer carries GitHub's headers and
// is logged before it is written, so a test that awaited the response sees it in the log.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SimulatorState } from '../state/simulator-state'
import { acceptedPermissionsHeader, tokenAllows, type TokenRecord } from '../state/tokens'
import type { RepositoryState } from '../state/repository-state'
import { ApiError, REST_DOCS, badCredentials, forbiddenForIntegration, notFound, requiresAuthentication } from './api-error'
import { faultBody, type FaultRules } from './fault-injection'
import { paginate } from './pagination'
import { consumeRateLimit, primaryRateLimitExceeded, rateLimitHeaders } from './rate-limit'
import type { GraphqlCall, RouteContext, RouteResponse } from './route'
import type { Router } from './router'
import type { Urls } from './urls'

export interface RequestRecord {
  method: string
  /** The path as requested (a Link-header URL may name `/repositories/{id}/…`). */
  path: string
  query: Record<string, string>
  status: number
  /** Epoch milliseconds when the request arrived. */
  when: number
  /** The OpenAPI operationId of the route, e.g. `pulls/list-files`; null when none matched. */
  operation: string | null
  /** The route's path template. */
  route: string | null
  token: string | null
  /** Answered by an injected fault rather than the simulator. */
  injected: boolean
  durationMs: number
  /** The parsed JSON body of a write, if any. */
  body: unknown
}

export interface HandlerDeps {
  state(): SimulatorState
  urls(): Urls
  router: Router
  faults: FaultRules
  requests: RequestRecord[]
  graphqlCalls: GraphqlCall[]
  /** Crashes inside the simulator (bugs), kept so a test can fail on them. */
  errors: Error[]
  /** Resolves false at once when the simulator closes. */
  sleep(ms: number): Promise<boolean>
}

const REPO_PREFIX = '/repos/{owner}/{repo}'

function requestId(): string {
  const hex = (n: number): string => randomBytes(Math.ceil(n / 2)).toString('hex').slice(0, n).toUpperCase()
  return `${hex(4)}:${hex(4)}:${hex(6)}:${hex(6)}:${hex(8)}`
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function tokenFrom(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header)
  return m?.[1] ?? ''
}

export class RequestHandler {
  constructor(private readonly deps: HandlerDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now()
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://simulator')
    const path = url.pathname
    const id = requestId()
    const raw = await readBody(req)
    const state = this.deps.state()
    const headers: Record<string, string> = {
      'x-github-request-id': id,
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'access-control-allow-origin': '*'
    }
    const record: RequestRecord = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      when: started,
      operation: null,
      route: null,
      token: null,
      injected: false,
      durationMs: 0,
      body: undefined
    }
    try {
      record.body = raw === '' ? undefined : JSON.parse(raw)
    } catch {
      record.body = raw
    }

    // Link headers name repositories by id; both spellings reach the same routes.
    let canonical = path
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(path)
    if (byId !== null) {
      const repo = state.findRepositoryById(Number(byId[1]))
      if (repo !== undefined) canonical = `/repos/${repo.fullName}${byId[2] ?? ''}`
    }
    const match = this.deps.router.match(method, canonical)
    if (match !== undefined) {
      record.operation = match.route.operation
      record.route = match.route.path
    }
    const docs = match?.route.docs ?? REST_DOCS

    const rule = this.deps.faults.take(method, [path, `${path}${url.search}`, canonical])
    if (rule !== undefined) {
      if (rule.delayMs !== undefined && rule.delayMs > 0) {
        const alive = await this.deps.sleep(rule.delayMs)
        if (!alive) return
      }
      if (rule.status !== undefined) {
        record.injected = true
        const tokenValue = tokenFrom(req.headers.authorization)
        const token = tokenValue === undefined ? undefined : state.tokens.get(tokenValue)
        if (token !== undefined) {
          const resource = match?.route.resource ?? 'core'
          Object.assign(headers, rateLimitHeaders(consumeRateLimit(token, resource, Date.now()).window, resource))
          record.token = token.token
        }
        Object.assign(headers, rule.headers ?? {})
        const body = rule.status === 204 ? undefined : faultBody(rule, { method, path, requestId: id })
        this.write(res, record, { status: rule.status, body, headers }, started)
        return
      }
    }

    let response: RouteResponse
    try {
      response = await this.route(req, url, canonical, match, raw, headers, record)
    } catch (error) {
      if (error instanceof ApiError) {
        response = { status: error.status, body: error.body(docs), headers: { ...headers, ...(error.extra.headers ?? {}) } }
      } else {
        const crash = error instanceof Error ? error : new Error(String(error))
        this.deps.errors.push(crash)
        response = { status: 500, body: { message: `Simulator error: ${crash.message}`, documentation_url: REST_DOCS, status: '500' }, headers }
      }
    }
    this.write(res, record, response, started)
  }

  private async route(
    req: IncomingMessage,
    url: URL,
    canonical: string,
    match: ReturnType<Router['match']>,
    raw: string,
    headers: Record<string, string>,
    record: RequestRecord
  ): Promise<RouteResponse> {
    const state = this.deps.state()
    const tokenValue = tokenFrom(req.headers.authorization)
    if (tokenValue === undefined) throw requiresAuthentication()
    const token = state.tokens.get(tokenValue)
    if (token === undefined) throw badCredentials()
    record.token = token.token

    const resource = match?.route.resource ?? 'core'
    const limit = consumeRateLimit(token, resource, Date.now())
    Object.assign(headers, rateLimitHeaders(limit.window, resource))
    if (limit.exceeded) throw primaryRateLimitExceeded(token)
    if (match === undefined) throw notFound()
    const route = match.route

    let repo: RepositoryState | undefined
    if (route.path.startsWith(REPO_PREFIX)) {
      repo = state.findRepository(`${match.params.owner ?? ''}/${match.params.repo ?? ''}`)
      if (repo === undefined || !this.visible(token, repo)) throw notFound()
    }

    if (token.kind === 'installation' && route.permissions.length > 0) {
      headers['x-accepted-github-permissions'] = acceptedPermissionsHeader(route.permissions)
    }
    if (!tokenAllows(token, route.permissions)) throw route.deniedAs === 404 ? notFound() : forbiddenForIntegration()

    let body: unknown = undefined
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw)
      } catch {
        throw new ApiError(400, 'Problems parsing JSON')
      }
    }

    const urls = this.deps.urls()
    const linkBase = (): string => {
      // GitHub's Link URLs name the repository by id.
      const m = /^\/repos\/[^/]+\/[^/]+(\/.*)?$/.exec(canonical)
      return repo !== undefined && m !== null ? `${urls.api}/repositories/${repo.record.id}${m[1] ?? ''}` : `${urls.api}${canonical}`
    }
    const ctx: RouteContext = {
      state,
      urls,
      params: match.params,
      query: url.searchParams,
      body,
      token,
      headers: req.headers,
      get repo(): RepositoryState {
        if (repo === undefined) throw new Error(`${route.path} is not a repository route`)
        return repo
      },
      page: (items, options) => paginate(items, url.searchParams, linkBase(), options?.cap),
      graphqlCalls: this.deps.graphqlCalls
    }
    const response = await route.handle(ctx)
    return { ...response, headers: { ...headers, ...(response.headers ?? {}) } }
  }

  private visible(token: TokenRecord, repo: RepositoryState): boolean {
    return token.repositories === null || token.repositories.some((r) => r.toLowerCase() === repo.fullName.toLowerCase())
  }

  private write(res: ServerResponse, record: RequestRecord, response: RouteResponse, started: number): void {
    record.status = response.status
    record.durationMs = Date.now() - started
    this.deps.requests.push(record)
    if (res.destroyed) return
    const headers = { ...(response.headers ?? {}) }
    let payload: string | undefined
    if (response.text !== undefined) {
      payload = response.text
      headers['content-type'] = response.contentType ?? 'text/plain; charset=utf-8'
    } else if (response.body !== undefined && response.status !== 204) {
      payload = JSON.stringify(response.body)
      headers['content-type'] = 'application/json; charset=utf-8'
    }
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload))
    res.writeHead(response.status, headers)
    res.end(payload)
  }
}
