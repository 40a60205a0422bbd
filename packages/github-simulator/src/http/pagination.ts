// GitHub's pagination: `per_page` defaults to 30 and is clamped to 100, `page` starts at 1,
// and the Link header names prev, next, last and first (in that order) with full URLs that
// keep the request's other query parameters.

export const DEFAULT_PER_PAGE = 30
export const MAX_PER_PAGE = 100

export interface PageRequest {
  page: number
  perPage: number
}

function positiveInt(raw: string | null): number | undefined {
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined
  const n = Number(raw)
  return n >= 1 ? n : undefined
}

export function pageRequest(query: URLSearchParams): PageRequest {
  return {
    page: positiveInt(query.get('page')) ?? 1,
    perPage: Math.min(positiveInt(query.get('per_page')) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE)
  }
}

/** The Link header for page `page` of `total` items, or undefined when everything fits on one page. */
export function linkHeader(linkBase: string, query: URLSearchParams, request: PageRequest, total: number): string | undefined {
  const last = Math.max(1, Math.ceil(total / request.perPage))
  if (last === 1 && request.page === 1) return undefined
  const url = (page: number): string => {
    const params = new URLSearchParams(query)
    params.set('page', String(page))
    return `<${linkBase}?${params.toString()}>`
  }
  const parts: string[] = []
  if (request.page > 1) parts.push(`${url(request.page - 1)}; rel="prev"`)
  if (request.page < last) parts.push(`${url(request.page + 1)}; rel="next"`, `${url(last)}; rel="last"`)
  if (request.page > 1) parts.push(`${url(1)}; rel="first"`)
  return parts.length === 0 ? undefined : parts.join(', ')
}

export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  linkBase: string,
  cap?: number
): { items: T[]; headers: Record<string, string> } {
  const request = pageRequest(query)
  const visible = cap === undefined ? items : items.slice(0, cap)
  const start = (request.page - 1) * request.perPage
  const link = linkHeader(linkBase, query, request, visible.length)
  return { items: visible.slice(start, start + request.perPage), headers: link === undefined ? {} : { link } }
}
