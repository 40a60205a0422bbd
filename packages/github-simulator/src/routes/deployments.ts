// Deployments: list (newest first, filtered by sha, ref, task, environment), create (with
// GitHub's check of the commit's statuses unless `required_contexts` says which), and their
// statuses (list newest first, create; `success` makes the environment's older ones inactive).
import { ApiError, notFound, validationFailed } from '../http/api-error'
import type { Route, RouteContext } from '../http/route'
import { bodyObject, created, numberParam, ok } from '../http/route'
import { deployment, deploymentStatus } from '../present/deployment'
import { latestStatuses } from '../present/status'
import type { DeploymentRecord, DeploymentState } from '../state/records'
import { DEPLOYMENTS_READ, DEPLOYMENTS_WRITE } from './permissions'

const STATES: readonly string[] = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success']

function findDeployment(ctx: RouteContext): DeploymentRecord {
  const id = numberParam(ctx, 'deployment_id')
  const found = id === undefined ? undefined : ctx.repo.deploymentLog.find(id)
  if (found === undefined) throw notFound()
  return found
}

/** The contexts GitHub verifies when `required_contexts` is omitted: every status context and check run name on the commit. */
function failingContexts(ctx: RouteContext, sha: string, required: readonly string[] | undefined): Array<{ context: string; state: string }> {
  const statuses = latestStatuses(ctx.repo, sha).map((s) => ({ context: s.context, state: s.state }))
  const runs = new Map<string, string>()
  for (const run of [...ctx.repo.checkRuns].filter((r) => r.headSha === sha).sort((a, b) => a.id - b.id)) {
    runs.set(run.name, run.status === 'completed' ? (run.conclusion ?? 'pending') : 'pending')
  }
  const all = [...statuses, ...[...runs].map(([context, state]) => ({ context, state }))]
  const judged = required === undefined ? all : required.map((context) => all.find((c) => c.context === context) ?? { context, state: 'missing' })
  return judged.filter((c) => c.state !== 'success' && c.state !== 'neutral' && c.state !== 'skipped')
}

export const deploymentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments',
    operation: 'repos/list-deployments',
    docs: 'https://docs.github.com/rest/deployments/deployments#list-deployments',
    permissions: DEPLOYMENTS_READ,
    handle: (ctx) => {
      const filters = (['sha', 'ref', 'task', 'environment'] as const).map((name) => [name, ctx.query.get(name)] as const)
      const listed = ctx.repo.deploymentLog.deployments
        .filter((d) => filters.every(([name, value]) => value === null || value === 'none' || d[name] === value))
        .sort((a, b) => b.id - a.id)
      const page = ctx.page(listed)
      return ok(page.items.map((d) => deployment(ctx, ctx.repo, d)), page.headers)
    }
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/deployments',
    operation: 'repos/create-deployment',
    docs: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
    permissions: DEPLOYMENTS_WRITE,
    handle: (ctx) => {
      const body = bodyObject(ctx)
      if (typeof body.ref !== 'string' || body.ref === '') throw validationFailed([{ resource: 'Deployment', code: 'missing_field', field: 'ref' }])
      const sha = ctx.repo.resolveRef(body.ref)
      if (sha === undefined) throw validationFailed([{ resource: 'Deployment', code: 'custom', field: 'ref', message: `No ref found for: ${body.ref}` }], `No ref found for: ${body.ref}`)
      const required = Array.isArray(body.required_contexts) ? body.required_contexts.filter((c): c is string => typeof c === 'string') : undefined
      const failing = failingContexts(ctx, sha, required)
      if (failing.length > 0) {
        throw new ApiError(409, `Conflict: Commit status checks failed for ${body.ref}.`, {
          errors: failing.map((c) => ({ resource: 'Deployment', field: 'required_contexts', code: 'invalid', value: `${c.context}: ${c.state}` }))
        })
      }
      const record = ctx.repo.addDeployment({
        sha,
        ref: body.ref,
        task: typeof body.task === 'string' ? body.task : 'deploy',
        environment: typeof body.environment === 'string' ? body.environment : 'production',
        description: typeof body.description === 'string' ? body.description : null,
        creator: ctx.token.login,
        payload: typeof body.payload === 'object' && body.payload !== null ? (body.payload as Record<string, unknown>) : typeof body.payload === 'string' ? body.payload : {},
        ...(typeof body.transient_environment === 'boolean' ? { transientEnvironment: body.transient_environment } : {}),
        ...(typeof body.production_environment === 'boolean' ? { productionEnvironment: body.production_environment } : {})
      })
      return created(deployment(ctx, ctx.repo, record))
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    operation: 'repos/list-deployment-statuses',
    docs: 'https://docs.github.com/rest/deployments/statuses#list-deployment-statuses',
    permissions: DEPLOYMENTS_READ,
    handle: (ctx) => {
      const parent = findDeployment(ctx)
      const page = ctx.page([...parent.statuses].reverse())
      return ok(page.items.map((s) => deploymentStatus(ctx, ctx.repo, parent, s)), page.headers)
    }
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    operation: 'repos/create-deployment-status',
    docs: 'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status',
    permissions: DEPLOYMENTS_WRITE,
    handle: (ctx) => {
      const parent = findDeployment(ctx)
      const body = bodyObject(ctx)
      if (typeof body.state !== 'string' || !STATES.includes(body.state)) throw validationFailed([{ resource: 'DeploymentStatus', code: 'invalid', field: 'state' }])
      const text = (key: string): string | undefined => (typeof body[key] === 'string' ? (body[key] as string) : undefined)
      const record = ctx.repo.addDeploymentStatus(parent, {
        state: body.state as DeploymentState,
        creator: ctx.token.login,
        ...(text('description') === undefined ? {} : { description: text('description') }),
        ...(text('target_url') === undefined ? {} : { targetUrl: text('target_url') }),
        ...(text('log_url') === undefined ? {} : { logUrl: text('log_url') }),
        ...(text('environment_url') === undefined ? {} : { environmentUrl: text('environment_url') }),
        ...(typeof body.auto_inactive === 'boolean' ? { autoInactive: body.auto_inactive } : {})
      })
      return created(deploymentStatus(ctx, ctx.repo, parent, record))
    }
  }
]
