// Labels: those of an issue or pull request (list, add, remove one) and the repository's
// (list, create). Adding a label the repository lacks creates it, as GitHub does; each add
// and removal is recorded as a `labeled`/`unlabeled` event by the token's account.
import { ApiError, validationFailed } from '../http/api-error'
import type { Route, RouteContext } from '../http/route'
import { bodyObject, created, ok } from '../http/route'
import { issueLabels, label } from '../present/label'
import { findIssue } from './issue-lookup'
import { ISSUES_READ, ISSUES_WRITE } from './permissions'

function requestedLabels(ctx: RouteContext): string[] {
  // Accepted shapes: {"labels": ["a"]}, {"labels": [{"name": "a"}]} and a bare ["a"].
  const raw = Array.isArray(ctx.body) ? ctx.body : bodyObject(ctx).labels
  if (!Array.isArray(raw)) throw validationFailed([{ resource: 'Label', code: 'missing_field', field: 'labels' }])
  return raw.map((item: unknown) => {
    const name = typeof item === 'string' ? item : typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined
    if (typeof name !== 'string' || name.trim() === '') throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'name' }])
    return name
  })
}

export const labelRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    operation: 'issues/list-labels-on-issue',
    docs: 'https://docs.github.com/rest/issues/labels#list-labels-for-an-issue',
    permissions: ISSUES_READ,
    handle: (ctx) => {
      const page = ctx.page(issueLabels(ctx, ctx.repo, findIssue(ctx).labels))
      return ok(page.items, page.headers)
    }
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    operation: 'issues/add-labels',
    docs: 'https://docs.github.com/rest/issues/labels#add-labels-to-an-issue',
    permissions: ISSUES_WRITE,
    handle: (ctx) => {
      const issue = findIssue(ctx)
      for (const name of requestedLabels(ctx)) ctx.repo.labelIssue(issue.number, name, { actor: ctx.token.login })
      return ok(issueLabels(ctx, ctx.repo, issue.labels))
    }
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
    operation: 'issues/remove-label',
    docs: 'https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue',
    permissions: ISSUES_WRITE,
    handle: (ctx) => {
      const issue = findIssue(ctx)
      if (!ctx.repo.unlabelIssue(issue.number, ctx.params.name ?? '', { actor: ctx.token.login })) {
        throw new ApiError(404, 'Label does not exist')
      }
      return ok(issueLabels(ctx, ctx.repo, issue.labels))
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/labels',
    operation: 'issues/list-labels-for-repo',
    docs: 'https://docs.github.com/rest/issues/labels#list-labels-for-a-repository',
    permissions: ISSUES_READ,
    handle: (ctx) => {
      const page = ctx.page([...ctx.repo.labels.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())))
      return ok(page.items.map((l) => label(ctx, ctx.repo, l)), page.headers)
    }
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/labels',
    operation: 'issues/create-label',
    docs: 'https://docs.github.com/rest/issues/labels#create-a-label',
    permissions: ISSUES_WRITE,
    handle: (ctx) => {
      const body = bodyObject(ctx)
      const name = body.name
      if (typeof name !== 'string' || name.trim() === '') throw validationFailed([{ resource: 'Label', code: 'missing_field', field: 'name' }])
      const color = body.color === undefined ? undefined : body.color
      // GitHub wants six hex digits without the '#'.
      if (color !== undefined && (typeof color !== 'string' || !/^[0-9a-fA-F]{6}$/.test(color))) {
        throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'color' }])
      }
      if (ctx.repo.findLabel(name) !== undefined) throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }])
      const description = typeof body.description === 'string' ? body.description : null
      const record = ctx.repo.addLabel(name, color === undefined ? { description } : { color: color.toLowerCase(), description })
      return created(label(ctx, ctx.repo, record))
    }
  }
]
