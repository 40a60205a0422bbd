// Commit statuses: create one, the combined status of a ref, and every status of a ref.
import { ApiError, validationFailed } from '../http/api-error'
import type { Route, RouteContext } from '../http/route'
import { bodyObject, created, ok } from '../http/route'
import { combinedStatus, commitStatus, latestStatuses } from '../present/status'
import type { CommitState } from '../state/records'
import { STATUSES_READ, STATUSES_WRITE } from './permissions'

const STATES: readonly string[] = ['error', 'failure', 'pending', 'success']

function resolve(ctx: RouteContext, param: string): string {
  const ref = ctx.params[param] ?? ''
  const sha = ctx.repo.resolveRef(ref)
  if (sha === undefined) throw new ApiError(404, `No commit found for SHA: ${ref}`)
  return sha
}

export const statusRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/statuses/{sha}',
    operation: 'repos/create-commit-status',
    docs: 'https://docs.github.com/rest/commits/statuses#create-a-commit-status',
    permissions: STATUSES_WRITE,
    handle: (ctx) => {
      const sha = ctx.params.sha ?? ''
      if (!ctx.repo.commits.has(sha)) throw new ApiError(422, `No commit found for SHA: ${sha}`)
      const body = bodyObject(ctx)
      if (typeof body.state !== 'string' || !STATES.includes(body.state)) {
        throw validationFailed([{ resource: 'Status', code: 'custom', field: 'state', message: 'state is not included in the list' }])
      }
      const record = ctx.repo.addStatus({
        sha,
        state: body.state as CommitState,
        context: typeof body.context === 'string' ? body.context : 'default',
        description: typeof body.description === 'string' ? body.description : null,
        targetUrl: typeof body.target_url === 'string' ? body.target_url : null,
        creator: ctx.token.login
      })
      return created(commitStatus(ctx, ctx.repo, record))
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/status',
    operation: 'repos/get-combined-status-for-ref',
    docs: 'https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference',
    permissions: STATUSES_READ,
    handle: (ctx) => {
      const sha = resolve(ctx, 'ref')
      const latest = latestStatuses(ctx.repo, sha)
      const page = ctx.page(latest)
      return ok(combinedStatus(ctx, ctx.repo, sha, page.items, latest.length), page.headers)
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/statuses',
    operation: 'repos/list-commit-statuses-for-ref',
    docs: 'https://docs.github.com/rest/commits/statuses#list-commit-statuses-for-a-reference',
    permissions: STATUSES_READ,
    handle: (ctx) => {
      const sha = resolve(ctx, 'ref')
      const page = ctx.page(ctx.repo.statuses.filter((s) => s.sha === sha).reverse())
      return ok(page.items.map((s) => commitStatus(ctx, ctx.repo, s)), page.headers)
    }
  }
]
