// A bare HTTP client for the simulator's own tests: no retries, no pagination help, so a
// test sees exactly what the simulator answered.
import type { Simulator } from '../simulator'

export interface Answer<T = unknown> {
  status: number
  headers: Headers
  body: T
}

export async function call<T = unknown>(
  sim: Simulator,
  method: string,
  pathOrUrl: string,
  options: { body?: unknown; token?: string | null; accept?: string; signal?: AbortSignal } = {}
): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/vnd.github+json' }
  if (options.token !== null) headers.authorization = `token ${options.token ?? sim.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const init: RequestInit = { method, headers }
  if (options.body !== undefined) init.body = JSON.stringify(options.body)
  if (options.signal !== undefined) init.signal = options.signal
  const res = await fetch(pathOrUrl.startsWith('http') ? pathOrUrl : `${sim.url}${pathOrUrl}`, init)
  const text = await res.text()
  let body: unknown = text
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    // Raw media types answer text.
  }
  return { status: res.status, headers: res.headers, body: body as T }
}

/** The URL of a `rel` in a Link header. */
export function linkTo(link: string | null, rel: string): string | undefined {
  return link?.split(', ').find((part) => part.endsWith(`rel="${rel}"`))?.match(/^<([^>]+)>/)?.[1]
}
