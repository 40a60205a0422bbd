// startSimulator: GitHub's REST and GraphQL API over HTTP on 127.0.0.1, on a random port,
// backed by an in-memory state the test seeds. Point GITHUB_API_URL at `url`.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FaultRules, type FaultRule, type InjectedFault } from './http/fault-injection'
import { RequestHandler, type RequestRecord } from './http/request-handler'
import type { GraphqlCall } from './http/route'
import { Router } from './http/router'
import { Urls } from './http/urls'
import { ROUTES } from './routes/table'
import { SimulatorState } from './state/simulator-state'
import { TOKEN_PROFILES, type TokenOptions } from './state/tokens'

export interface SimulatorOptions {
  /** The token `startSimulator` registers (and `reset` restores). Default: a GITHUB_TOKEN-like one. */
  token?: string
  /** Its profile. Default: `TOKEN_PROFILES.githubToken()`. */
  tokenOptions?: TokenOptions
  /** GITHUB_SERVER_URL: where web URLs (html_url) point. Default: https://github.com. */
  serverUrl?: string
  /** The simulator's clock, for timestamps it writes itself. Default: the real one. */
  now?: () => Date
  /** Seeds the state, after `startSimulator` and after every `reset()`. */
  seed?: (state: SimulatorState) => void
}

export interface Simulator {
  /** The API root, for GITHUB_API_URL. */
  readonly url: string
  /** `${url}/graphql`, for GITHUB_GRAPHQL_URL. */
  readonly graphqlUrl: string
  readonly serverUrl: string
  /** The default token (GITHUB_TOKEN-like); add others with `state.addToken`. */
  readonly token: string
  readonly state: SimulatorState
  /** Every request, in arrival order. */
  readonly requests: RequestRecord[]
  /** Every GraphQL call, with its root fields and errors. */
  readonly graphqlCalls: GraphqlCall[]
  /** Crashes inside the simulator; a test that sees one has found a simulator bug. */
  readonly errors: Error[]
  /** Requests for one operation (`pulls/list-files`) or to paths equal to / matching `path`. */
  requestsTo(target: string | RegExp, method?: string): RequestRecord[]
  inject(rule: FaultRule): InjectedFault
  /** Empties the state (then re-seeds it), the logs and the fault rules. */
  reset(): void
  /** Runs `cleanup` when the simulator closes (scenarios remove their event files so). */
  onClose(cleanup: () => void | Promise<void>): void
  close(): Promise<void>
}

export const DEFAULT_TOKEN = 'ghs_SimulatedGitHubToken0000000000000000'

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const token = options.token ?? DEFAULT_TOKEN
  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/$/, '')
  const fresh = (): SimulatorState => {
    const state = new SimulatorState(options.now)
    state.addToken(token, options.tokenOptions ?? TOKEN_PROFILES.githubToken())
    options.seed?.(state)
    return state
  }
  let state = fresh()
  let urls = new Urls('http://127.0.0.1', serverUrl)
  const requests: RequestRecord[] = []
  const graphqlCalls: GraphqlCall[] = []
  const errors: Error[] = []
  const faults = new FaultRules()
  const sleepers = new Set<() => void>()
  const cleanups: (() => void | Promise<void>)[] = []
  let closed = false

  const handler = new RequestHandler({
    state: () => state,
    urls: () => urls,
    router: new Router(ROUTES),
    faults,
    requests,
    graphqlCalls,
    errors,
    sleep: (ms) =>
      new Promise<boolean>((resolve) => {
        if (closed) return resolve(false)
        const wake = (): void => {
          clearTimeout(timer)
          sleepers.delete(wake)
          resolve(false)
        }
        const timer = setTimeout(() => {
          sleepers.delete(wake)
          resolve(true)
        }, ms)
        sleepers.add(wake)
      })
  })

  const server: Server = createServer((req, res) => {
    handler.handle(req, res).catch((error: unknown) => {
      errors.push(error instanceof Error ? error : new Error(String(error)))
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  // Clients keep connections alive; close() must not wait for them.
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  urls = new Urls(url, serverUrl)

  return {
    url,
    graphqlUrl: `${url}/graphql`,
    serverUrl,
    token,
    get state() {
      return state
    },
    requests,
    graphqlCalls,
    errors,
    requestsTo(target, method) {
      return requests.filter((r) => {
        if (method !== undefined && r.method !== method.toUpperCase()) return false
        if (typeof target !== 'string') return target.test(r.path)
        return r.operation === target || r.path === target
      })
    },
    inject: (rule) => faults.add(rule),
    reset() {
      state = fresh()
      requests.length = 0
      graphqlCalls.length = 0
      errors.length = 0
      faults.clear()
    },
    onClose(cleanup) {
      cleanups.push(cleanup)
    },
    async close() {
      if (closed) return
      closed = true
      for (const wake of [...sleepers]) wake()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      for (const cleanup of cleanups.splice(0)) await cleanup()
    }
  }
}
