// GET /repos/{owner}/{repo}/issues/{issue_number}/events: oldest first. Who added a label and
// when is read from here (e.g. who declared an emergency).
import type { Route } from '../http/route'
import { ok } from '../http/route'
import { issueEvent } from '../present/issue-event'
import { findIssue } from './issue-lookup'
import { ISSUES_READ } from './permissions'

export const issueEventRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/events',
    operation: 'issues/list-events',
    docs: 'https://docs.github.com/rest/issues/events#list-issue-events',
    permissions: ISSUES_READ,
    handle: (ctx) => {
      const issue = findIssue(ctx)
      const events = ctx.repo.events
        .filter((e) => e.issueNumber === issue.number)
        .sort((a, b) => (a.createdAt === b.createdAt ? a.id - b.id : a.createdAt < b.createdAt ? -1 : 1))
      const page = ctx.page(events)
      return ok(page.items.map((e) => issueEvent(ctx, ctx.repo, e)), page.headers)
    }
  }
]
