// Check runs: create (only a GitHub App can: a personal token is refused as on GitHub),
// get, update, and list for a ref (newest first; `filter=latest` keeps the newest per name).
import { ApiError, invalidRequest, notFound, validationFailed } from '../http/api-error'
import type { Route, RouteContext } from '../http/route'
import { bodyObject, created, numberParam, ok } from '../http/route'
import { checkRun } from '../present/check-run'
import type { CheckRunConclusion, CheckRunRecord, CheckRunStatus } from '../state/records'
import { CHECKS_READ, CHECKS_WRITE } from './permissions'

const STATUSES: readonly string[] = ['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']
const CONCLUSIONS: readonly string[] = ['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'stale', 'timed_out']

function findRun(ctx: RouteContext): CheckRunRecord {
  const id = numberParam(ctx, 'check_run_id')
  const run = ctx.repo.checkRuns.find((r) => r.id === id)
  if (run === undefined) throw notFound()
  return run
}

/** Applies status, conclusion, output and times from a create or update body. */
function applyBody(ctx: RouteContext, run: CheckRunRecord, body: Record<string, unknown>): void {
  if (body.status !== undefined) {
    if (typeof body.status !== 'string' || !STATUSES.includes(body.status)) throw validationFailed([{ resource: 'CheckRun', code: 'invalid', field: 'status' }])
    run.status = body.status as CheckRunStatus
  }
  if (body.conclusion !== undefined && body.conclusion !== null) {
    if (typeof body.conclusion !== 'string' || !CONCLUSIONS.includes(body.conclusion)) {
      throw validationFailed([{ resource: 'CheckRun', code: 'invalid', field: 'conclusion' }])
    }
    // Providing a conclusion completes the run.
    run.conclusion = body.conclusion as CheckRunConclusion
    run.status = 'completed'
  }
  if (run.status === 'completed' && run.conclusion === null) {
    throw invalidRequest('"conclusion" wasn\'t supplied.')
  }
  if (typeof body.started_at === 'string') run.startedAt = ctx.state.timestamp(body.started_at)
  if (run.status === 'completed') run.completedAt = typeof body.completed_at === 'string' ? ctx.state.timestamp(body.completed_at) : (run.completedAt ?? ctx.state.timestamp())
  if (typeof body.details_url === 'string') run.detailsUrl = body.details_url
  if (typeof body.external_id === 'string') run.externalId = body.external_id
  if (typeof body.name === 'string') run.name = body.name
  const output = body.output
  if (typeof output === 'object' && output !== null) {
    const o = output as Record<string, unknown>
    if (typeof o.title === 'string') run.output.title = o.title
    if (typeof o.summary === 'string') run.output.summary = o.summary
    if (typeof o.text === 'string') run.output.text = o.text
  }
}

export const checkRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/check-runs',
    operation: 'checks/create',
    docs: 'https://docs.github.com/rest/reference/checks#create-a-check-run',
    permissions: CHECKS_WRITE,
    handle: (ctx) => {
      if (ctx.token.app === null) throw new ApiError(403, 'You must authenticate via a GitHub App.')
      const body = bodyObject(ctx)
      if (typeof body.name !== 'string' || body.name === '') throw invalidRequest('"name" wasn\'t supplied.')
      if (typeof body.head_sha !== 'string' || body.head_sha === '') throw invalidRequest('"head_sha" wasn\'t supplied.')
      const sha = ctx.repo.resolveRef(body.head_sha)
      if (sha === undefined || sha !== body.head_sha) throw new ApiError(422, `No commit found for SHA: ${body.head_sha}`)
      const run = ctx.repo.addCheckRun({ sha, name: body.name, status: 'queued', app: ctx.token.app })
      applyBody(ctx, run, body)
      return created(checkRun(ctx, ctx.repo, run))
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    operation: 'checks/get',
    docs: 'https://docs.github.com/rest/checks/runs#get-a-check-run',
    permissions: CHECKS_READ,
    handle: (ctx) => ok(checkRun(ctx, ctx.repo, findRun(ctx)))
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    operation: 'checks/update',
    docs: 'https://docs.github.com/rest/checks/runs#update-a-check-run',
    permissions: CHECKS_WRITE,
    handle: (ctx) => {
      const run = findRun(ctx)
      applyBody(ctx, run, bodyObject(ctx))
      return ok(checkRun(ctx, ctx.repo, run))
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/check-runs',
    operation: 'checks/list-for-ref',
    docs: 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference',
    permissions: CHECKS_READ,
    handle: (ctx) => {
      const ref = ctx.params.ref ?? ''
      const sha = ctx.repo.resolveRef(ref)
      if (sha === undefined) throw new ApiError(422, `No commit found for SHA: ${ref}`)
      const name = ctx.query.get('check_name')
      const status = ctx.query.get('status')
      const appId = ctx.query.get('app_id')
      let runs = ctx.repo.checkRuns
        .filter((r) => r.headSha === sha)
        .filter((r) => name === null || r.name === name)
        .filter((r) => status === null || r.status === status)
        .filter((r) => appId === null || String(r.app.id) === appId)
        .sort((a, b) => b.id - a.id)
      if ((ctx.query.get('filter') ?? 'latest') === 'latest') {
        const seen = new Set<string>()
        runs = runs.filter((r) => {
          const key = `${r.app.id}/${r.name}`
          if (seen.has(key)) return false
          seen.add(key)
          return true
        })
      }
      const page = ctx.page(runs)
      return ok({ total_count: runs.length, check_runs: page.items.map((r) => checkRun(ctx, ctx.repo, r)) }, page.headers)
    }
  }
]
