// Pull requests: list, get one, its files (GitHub stops at 3,000 however many changed) and
// its commits (GitHub stops at 250).
import { notFound } from '../http/api-error'
import type { Route, RouteContext } from '../http/route'
import { numberParam, ok } from '../http/route'
import { commit, diffEntry } from '../present/commit'
import { pullRequest, pullRequestSimple } from '../present/pull-request'
import type { ChangedFileRecord, PullRequestRecord } from '../state/records'
import { PULLS_READ } from './permissions'

export const PULL_FILES_LIMIT = 3000
export const PULL_COMMITS_LIMIT = 250

function findPull(ctx: RouteContext): PullRequestRecord {
  const n = numberParam(ctx, 'pull_number')
  const pull = n === undefined ? undefined : ctx.repo.pulls.get(n)
  if (pull === undefined) throw notFound()
  return pull
}

function listPulls(ctx: RouteContext): PullRequestRecord[] {
  const state = ctx.query.get('state') ?? 'open'
  const head = ctx.query.get('head')
  const base = ctx.query.get('base')
  const sort = ctx.query.get('sort') ?? 'created'
  const direction = ctx.query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc')
  const pulls = [...ctx.repo.pulls.values()].filter((p) => {
    if (state !== 'all' && p.issue.state !== state) return false
    if (base !== null && p.base.ref !== base) return false
    if (head !== null) {
      const [owner, ref] = head.includes(':') ? head.split(':', 2) : [undefined, head]
      if (ref !== p.head.ref) return false
      if (owner !== undefined && owner.toLowerCase() !== p.head.repo.split('/')[0]?.toLowerCase()) return false
    }
    return true
  })
  const key = (p: PullRequestRecord): string => (sort === 'updated' ? p.issue.updatedAt : p.issue.createdAt)
  pulls.sort((a, b) => (key(a) === key(b) ? a.number - b.number : key(a) < key(b) ? -1 : 1))
  return direction === 'desc' ? pulls.reverse() : pulls
}

export const pullRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls',
    operation: 'pulls/list',
    docs: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests',
    permissions: PULLS_READ,
    handle: (ctx) => {
      const page = ctx.page(listPulls(ctx))
      return ok(page.items.map((p) => pullRequestSimple(ctx, ctx.repo, p)), page.headers)
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    operation: 'pulls/get',
    docs: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
    permissions: PULLS_READ,
    handle: (ctx) => ok(pullRequest(ctx, ctx.repo, findPull(ctx)))
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/files',
    operation: 'pulls/list-files',
    docs: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests-files',
    permissions: PULLS_READ,
    handle: (ctx) => {
      const pull = findPull(ctx)
      const page = ctx.page(pull.files, { cap: PULL_FILES_LIMIT })
      return ok(withinResponseDiffLimit(page.items).map((f) => diffEntry(ctx, ctx.repo, f, pull.head.sha)), page.headers)
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/commits',
    operation: 'pulls/list-commits',
    docs: 'https://docs.github.com/rest/pulls/pulls#list-commits-on-a-pull-request',
    permissions: PULLS_READ,
    handle: (ctx) => {
      const pull = findPull(ctx)
      const page = ctx.page(pull.commits, { cap: PULL_COMMITS_LIMIT })
      return ok(page.items.map((sha) => commit(ctx, ctx.repo, sha)), page.headers)
    }
  }
]

/**
 * GitHub stops sending patches once the patches already in one response add up to about
 * 20,000 lines: the files after that come with no `patch` and 0 additions, deletions and
 * changes, and nothing marks them (github.com community discussion 213491, seen 2026-11).
 */
export const RESPONSE_PATCH_LINES_LIMIT = 20000

function withinResponseDiffLimit(files: readonly ChangedFileRecord[]): ChangedFileRecord[] {
  let lines = 0
  return files.map((file) => {
    if (lines >= RESPONSE_PATCH_LINES_LIMIT) {
      const { patch: _omitted, ...rest } = file
      return { ...rest, additions: 0, deletions: 0, changes: 0 }
    }
    if (file.patch !== undefined) lines += file.patch.split('\n').length
    return file
  })
}
