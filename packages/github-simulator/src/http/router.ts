// Matches a request path against the routes' OpenAPI templates. Parameters that GitHub lets
// span slashes (a file path, a branch ref, `base...head`) match greedily; the rest match one
// segment. Templates with more literal text win, so `/commits/{ref}/status` beats `/commits/{ref}`.
import type { HttpMethod, Route } from './route'

const MULTI_SEGMENT = new Set(['path', 'ref', 'basehead'])

interface CompiledRoute {
  route: Route
  pattern: RegExp
  names: string[]
  literal: number
}

export interface RouteMatch {
  route: Route
  params: Record<string, string>
}

function compile(route: Route): CompiledRoute {
  const names: string[] = []
  let literal = 0
  const source = route.path.replace(/\{(\w+)\}|[^{]+/g, (part, name: string | undefined) => {
    if (name === undefined) {
      literal += part.length
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    }
    names.push(name)
    return MULTI_SEGMENT.has(name) ? '(.+)' : '([^/]+)'
  })
  // GitHub lists the repository root for `/contents/` as well as `/contents`.
  const pattern = route.path.endsWith('/{path}') ? source.replace(/\/\(\.\+\)$/, '(?:/(.*))?') : source
  return { route, pattern: new RegExp(`^${pattern}/?$`), names, literal }
}

export class Router {
  private readonly compiled: CompiledRoute[]

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map(compile).sort((a, b) => b.literal - a.literal)
  }

  match(method: string, path: string): RouteMatch | undefined {
    for (const entry of this.compiled) {
      if (entry.route.method !== (method as HttpMethod)) continue
      const m = entry.pattern.exec(path)
      if (m === null) continue
      const params: Record<string, string> = {}
      entry.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '')
      })
      return { route: entry.route, params }
    }
    return undefined
  }
}
