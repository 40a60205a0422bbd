// Commits: list (from a branch or sha, newest first, optionally touching a path), get one
// (with its files), the pull requests associated with one, and comparisons.
import { ApiError, notFound } from '../http/api-error'
import type { Route, RouteContext } from '../http/route'
import { ok } from '../http/route'
import { commit, COMMIT_FILES_LIMIT, diffEntry } from '../present/commit'
import { pullRequestSimple } from '../present/pull-request'
import { diffTrees } from '../state/tree-diff'
import { CONTENTS_READ, PULLS_READ } from './permissions'

const COMPARE_COMMITS_LIMIT = 250

const noCommit = (ref: string): ApiError => new ApiError(422, `No commit found for SHA: ${ref}`)

function touches(ctx: RouteContext, sha: string, path: string): boolean {
  const prefix = path.replace(/\/$/, '')
  return ctx.repo
    .commitFiles(sha)
    .some((f) => [f.filename, f.previousFilename].some((name) => name !== undefined && (name === prefix || name.startsWith(`${prefix}/`))))
}

export const commitRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits',
    operation: 'repos/list-commits',
    docs: 'https://docs.github.com/rest/commits/commits#list-commits',
    permissions: CONTENTS_READ,
    handle: (ctx) => {
      const from = ctx.query.get('sha') ?? ctx.repo.record.defaultBranch
      const head = ctx.repo.resolveRef(from)
      if (head === undefined) throw notFound()
      const path = ctx.query.get('path')
      const author = ctx.query.get('author')?.toLowerCase()
      const since = ctx.query.get('since')
      const until = ctx.query.get('until')
      const shas = [...ctx.repo.ancestors(head)]
        .map((sha) => ctx.repo.getCommit(sha))
        .filter((c) => {
          if (author !== undefined && c.author.login?.toLowerCase() !== author && c.author.email.toLowerCase() !== author) return false
          if (since !== null && Date.parse(c.committer.date) < Date.parse(since)) return false
          if (until !== null && Date.parse(c.committer.date) > Date.parse(until)) return false
          return path === null || touches(ctx, c.sha, path)
        })
        .sort((a, b) => Date.parse(b.committer.date) - Date.parse(a.committer.date))
        .map((c) => c.sha)
      const page = ctx.page(shas)
      return ok(page.items.map((sha) => commit(ctx, ctx.repo, sha)), page.headers)
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}',
    operation: 'repos/get-commit',
    docs: 'https://docs.github.com/rest/commits/commits#get-a-commit',
    permissions: CONTENTS_READ,
    handle: (ctx) => {
      const ref = ctx.params.ref ?? ''
      const sha = ctx.repo.resolveRef(ref)
      if (sha === undefined) throw noCommit(ref)
      return ok(commit(ctx, ctx.repo, sha, { withFiles: true }))
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    operation: 'repos/list-pull-requests-associated-with-commit',
    docs: 'https://docs.github.com/rest/commits/commits#list-pull-requests-associated-with-a-commit',
    permissions: PULLS_READ,
    handle: (ctx) => {
      const ref = ctx.params.commit_sha ?? ''
      const sha = ctx.repo.resolveRef(ref)
      if (sha === undefined) throw noCommit(ref)
      const pulls = ctx.repo.pullsAssociatedWith(sha)
      const page = ctx.page(pulls)
      return ok(page.items.map((p) => pullRequestSimple(ctx, ctx.repo, p)), page.headers)
    }
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/compare/{basehead}',
    operation: 'repos/compare-commits-with-basehead',
    docs: 'https://docs.github.com/rest/commits/commits#compare-two-commits',
    permissions: CONTENTS_READ,
    handle: (ctx) => {
      const basehead = ctx.params.basehead ?? ''
      const [baseRef, headRef] = basehead.split('...')
      const base = baseRef === undefined ? undefined : ctx.repo.resolveRef(baseRef)
      const head = headRef === undefined ? undefined : ctx.repo.resolveRef(headRef)
      if (base === undefined || head === undefined) throw notFound()
      const mergeBase = ctx.repo.mergeBase(base, head)
      if (mergeBase === undefined) throw notFound(`No common ancestor between ${baseRef} and ${headRef}.`)
      const ahead = ctx.repo.commitsBetween(base, head)
      const behind = ctx.repo.commitsBetween(head, base)
      const status = ahead.length === 0 && behind.length === 0 ? 'identical' : behind.length === 0 ? 'ahead' : ahead.length === 0 ? 'behind' : 'diverged'
      const api = ctx.urls.repoApi(ctx.repo.fullName)
      const web = ctx.urls.repoWeb(ctx.repo.fullName)
      const owner = ctx.repo.record.owner
      // Three-dot: the head's changes since the merge base.
      const files = diffTrees(ctx.repo.getCommit(mergeBase).tree, ctx.repo.getCommit(head).tree)
      return ok({
        url: `${api}/compare/${basehead}`,
        html_url: `${web}/compare/${basehead}`,
        permalink_url: `${web}/compare/${owner}:${base.slice(0, 7)}...${owner}:${head.slice(0, 7)}`,
        diff_url: `${web}/compare/${basehead}.diff`,
        patch_url: `${web}/compare/${basehead}.patch`,
        base_commit: commit(ctx, ctx.repo, base),
        merge_base_commit: commit(ctx, ctx.repo, mergeBase),
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        commits: ahead.slice(0, COMPARE_COMMITS_LIMIT).map((sha) => commit(ctx, ctx.repo, sha)),
        files: files.slice(0, COMMIT_FILES_LIMIT).map((f) => diffEntry(ctx, ctx.repo, f, head))
      })
    }
  }
]
