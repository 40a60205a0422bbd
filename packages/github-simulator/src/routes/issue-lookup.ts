// The issue (or pull request) named by `{issue_number}`; GitHub answers 404 for an unknown one.
import { notFound } from '../http/api-error'
import type { RouteContext } from '../http/route'
import { numberParam } from '../http/route'
import type { IssueRecord } from '../state/records'

export function findIssue(ctx: RouteContext): IssueRecord {
  const n = numberParam(ctx, 'issue_number')
  const issue = n === undefined ? undefined : ctx.repo.issues.get(n)
  if (issue === undefined) throw notFound()
  return issue
}
