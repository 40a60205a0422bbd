// What one endpoint declares: its method and OpenAPI path template (matched literally, so
// the conformance test can look the same template up in GitHub's description), the
// operation id and documentation URL GitHub uses, the permissions a token needs, and the
// handler. Adding an endpoint is one such object in a file under ../routes.
import type { IncomingHttpHeaders } from 'node:http'
import type { RepositoryState } from '../state/repository-state'
import type { SimulatorState } from '../state/simulator-state'
import type { RequiredPermissions, TokenRecord } from '../state/tokens'
import type { Urls } from './urls'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface RouteResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** A non-JSON body (raw file contents); `body` is ignored when set. */
  text?: string
  contentType?: string
}

export interface GraphqlCall {
  query: string
  variables: Record<string, unknown>
  operationName: string | null
  /** Root fields asked for, e.g. `['enablePullRequestAutoMerge']`. */
  fields: string[]
  errors: unknown[]
  token: string
  when: number
}

export interface RouteContext {
  readonly state: SimulatorState
  readonly urls: Urls
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  readonly body: unknown
  readonly token: TokenRecord
  readonly headers: IncomingHttpHeaders
  /** The repository named by `{owner}/{repo}` (already checked to exist and be visible to the token). */
  readonly repo: RepositoryState
  /** One page of `items` (GitHub's per_page/page rules) and its Link header; `cap` stops the list as GitHub does. */
  page<T>(items: readonly T[], options?: { cap?: number }): { items: T[]; headers: Record<string, string> }
  /** Where GraphQL calls are recorded. */
  readonly graphqlCalls: GraphqlCall[]
}

export interface Route {
  method: HttpMethod
  /** The path template exactly as in GitHub's OpenAPI description. */
  path: string
  /** The OpenAPI operationId, e.g. `pulls/list-files`; the request log names requests by it. */
  operation: string
  /** The operation's documentation URL, given in error bodies. */
  docs: string
  /** Installation permissions that admit a request (any one alternative). */
  permissions: RequiredPermissions
  /** How GitHub refuses a token without the permission: 403, or 404 where it hides the resource. */
  deniedAs?: 403 | 404
  /** Rate-limit resource: `core` for REST, `graphql` for the GraphQL endpoint. */
  resource?: 'core' | 'graphql'
  handle(ctx: RouteContext): RouteResponse | Promise<RouteResponse>
}

export const ok = (body: unknown, headers?: Record<string, string>): RouteResponse =>
  headers === undefined ? { status: 200, body } : { status: 200, body, headers }

export const created = (body: unknown): RouteResponse => ({ status: 201, body })

/** The request body as an object; GitHub answers 400 for JSON that is not one (checked by the pipeline). */
export function bodyObject(ctx: RouteContext): Record<string, unknown> {
  const body = ctx.body
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

/** A positive integer path parameter, or undefined (GitHub answers 404 for `/issues/abc`). */
export function numberParam(ctx: RouteContext, name: string): number | undefined {
  const raw = ctx.params[name] ?? ''
  return /^\d+$/.test(raw) ? Number(raw) : undefined
}
