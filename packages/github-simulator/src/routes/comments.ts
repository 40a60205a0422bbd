// Issue comments: list and create on an issue or pull request; get and update one by id
// (a bot keeping one comment up to date edits it in place).
import { invalidRequest, notFound } from '../http/api-error'
import type { Route, RouteContext } from '../http/route'
import { bodyObject, created, numberParam, ok } from '../http/route'
import { issueComment } from '../present/comment'
import type { CommentRecord } from '../state/records'
import { findIssue } from './issue-lookup'
import { ISSUES_READ, ISSUES_WRITE } from './permissions'

function findComment(ctx: RouteContext): CommentRecord {
  const id = numberParam(ctx, 'comment_id')
  const comment = ctx.repo.comments.find((c) => c.id === id)
  if (comment === undefined) throw notFound()
  return comment
}

function requiredBody(ctx: RouteContext): string {
  const body = bodyObject(ctx).body
  if (typeof body !== 'string' || body === '') throw invalidRequest('"body" wasn\'t supplied.')
  return body
}

export const commentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    operation: 'issues/list-comments',
    docs: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
    permissions: ISSUES_READ,
    handle: (ctx) => {
      const issue = findIssue(ctx)
      const since = ctx.query.get('since')
      const comments = ctx.repo.comments.filter(
        (c) => c.issueNumber === issue.number && (since === null || Date.parse(c.updatedAt) >= Date.parse(since))
      )
      const page = ctx.page(comments)
      return ok(page.items.map((c) => issueComment(ctx, ctx.repo, c)), page.headers)
    }
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    operation: 'issues/create-comment',
    docs: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    permissions: ISSUES_WRITE,
    handle: (ctx) => {
      const issue = findIssue(ctx)
      const record = ctx.repo.addComment(issue.number, { user: ctx.token.login, body: requiredBody(ctx) })
      return created(issueComment(ctx, ctx.repo, record))
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    operation: 'issues/get-comment',
    docs: 'https://docs.github.com/rest/issues/comments#get-an-issue-comment',
    permissions: ISSUES_READ,
    handle: (ctx) => ok(issueComment(ctx, ctx.repo, findComment(ctx)))
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    operation: 'issues/update-comment',
    docs: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
    permissions: ISSUES_WRITE,
    handle: (ctx) => {
      const comment = findComment(ctx)
      comment.body = requiredBody(ctx)
      comment.updatedAt = ctx.state.timestamp()
      return ok(issueComment(ctx, ctx.repo, comment))
    }
  }
]
