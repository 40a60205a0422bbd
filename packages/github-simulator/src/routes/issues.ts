// Issues (pull requests included, as GitHub lists them): list with filters, create, get,
// update. Closing through PATCH records the `closed` event; replacing labels records
// `labeled`/`unlabeled` events.
import { invalidRequest, validationFailed } from '../http/api-error'
import type { Route, RouteContext } from '../http/route'
import { bodyObject, created, ok } from '../http/route'
import { issue as presentIssue } from '../present/issue'
import type { IssueRecord } from '../state/records'
import { findIssue } from './issue-lookup'
import { ISSUES_READ, ISSUES_WRITE } from './permissions'

function listIssues(ctx: RouteContext): IssueRecord[] {
  const q = ctx.query
  const state = q.get('state') ?? 'open'
  const labels = (q.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter((l) => l !== '')
  const creator = q.get('creator')?.toLowerCase()
  const assignee = q.get('assignee')
  const since = q.get('since')
  const sort = q.get('sort') ?? 'created'
  const direction = q.get('direction') ?? 'desc'
  const issues = [...ctx.repo.issues.values()].filter((i) => {
    if (state !== 'all' && i.state !== state) return false
    const own = i.labels.map((l) => l.toLowerCase())
    if (!labels.every((l) => own.includes(l))) return false
    if (creator !== undefined && i.user.toLowerCase() !== creator) return false
    if (assignee === 'none' && i.assignees.length > 0) return false
    if (assignee === '*' && i.assignees.length === 0) return false
    if (assignee !== null && assignee !== 'none' && assignee !== '*' && !i.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase())) return false
    if (since !== null && Date.parse(i.updatedAt) < Date.parse(since)) return false
    return true
  })
  const comments = (i: IssueRecord): number => ctx.repo.comments.filter((c) => c.issueNumber === i.number).length
  const key = (i: IssueRecord): string | number => (sort === 'updated' ? i.updatedAt : sort === 'comments' ? comments(i) : i.createdAt)
  issues.sort((a, b) => (key(a) === key(b) ? a.number - b.number : key(a) < key(b) ? -1 : 1))
  return direction === 'desc' ? issues.reverse() : issues
}

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw validationFailed([{ resource: 'Issue', code: 'invalid', field }])
  }
  return value as string[]
}

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues',
    operation: 'issues/list-for-repo',
    docs: 'https://docs.github.com/rest/issues/issues#list-repository-issues',
    permissions: ISSUES_READ,
    handle: (ctx) => {
      const page = ctx.page(listIssues(ctx))
      return ok(page.items.map((i) => presentIssue(ctx, ctx.repo, i)), page.headers)
    }
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues',
    operation: 'issues/create',
    docs: 'https://docs.github.com/rest/issues/issues#create-an-issue',
    permissions: [{ issues: 'write' }],
    handle: (ctx) => {
      const body = bodyObject(ctx)
      const title = typeof body.title === 'number' ? String(body.title) : body.title
      if (typeof title !== 'string' || title === '') throw invalidRequest('"title" wasn\'t supplied.')
      const record = ctx.repo.addIssue({
        title,
        body: typeof body.body === 'string' ? body.body : null,
        author: ctx.token.login,
        labels: body.labels === undefined ? [] : stringList(body.labels, 'labels'),
        assignees: body.assignees === undefined ? [] : stringList(body.assignees, 'assignees')
      })
      return created(presentIssue(ctx, ctx.repo, record))
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    operation: 'issues/get',
    docs: 'https://docs.github.com/rest/issues/issues#get-an-issue',
    permissions: ISSUES_READ,
    handle: (ctx) => ok(presentIssue(ctx, ctx.repo, findIssue(ctx)))
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    operation: 'issues/update',
    docs: 'https://docs.github.com/rest/issues/issues#update-an-issue',
    permissions: ISSUES_WRITE,
    handle: (ctx) => {
      const issue = findIssue(ctx)
      const body = bodyObject(ctx)
      const actor = ctx.token.login
      if (typeof body.title === 'string') issue.title = body.title
      if (body.body === null || typeof body.body === 'string') issue.body = body.body
      if (body.assignees !== undefined) issue.assignees = stringList(body.assignees, 'assignees').map((l) => ctx.state.user(l).login)
      if (body.labels !== undefined) {
        const wanted = stringList(body.labels, 'labels')
        for (const name of [...issue.labels]) {
          if (!wanted.some((w) => w.toLowerCase() === name.toLowerCase())) ctx.repo.unlabelIssue(issue.number, name, { actor })
        }
        for (const name of wanted) ctx.repo.labelIssue(issue.number, name, { actor })
      }
      if (body.state !== undefined) {
        if (body.state !== 'open' && body.state !== 'closed') throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'state' }])
        if (body.state === 'closed') {
          ctx.repo.closeIssue(issue.number, { actor, reason: body.state_reason === 'not_planned' ? 'not_planned' : 'completed' })
        } else if (issue.state === 'closed') {
          issue.state = 'open'
          issue.stateReason = 'reopened'
          issue.closedAt = null
          ctx.repo.addEvent(issue.number, 'reopened', { actor })
        }
      }
      issue.updatedAt = ctx.state.timestamp()
      return ok(presentIssue(ctx, ctx.repo, issue))
    }
  }
]
