// GET /repos/{owner}/{repo}/contents/{path}?ref=: a file (base64), a directory (its entries),
// 404 when absent. The raw media type answers the bare text; the object media type wraps a
// directory listing in an object, as GitHub does.
import { ApiError, notFound } from '../http/api-error'
import type { Route } from '../http/route'
import { ok } from '../http/route'
import { contentFile, directoryEntries } from '../present/content'
import { treeSha } from '../state/git-objects'
import { CONTENTS_READ } from './permissions'

export const contentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/contents/{path}',
    operation: 'repos/get-content',
    docs: 'https://docs.github.com/rest/repos/contents#get-repository-content',
    permissions: CONTENTS_READ,
    handle: (ctx) => {
      const ref = ctx.query.get('ref') ?? ctx.repo.record.defaultBranch
      const sha = ctx.repo.resolveRef(ref)
      if (sha === undefined) throw new ApiError(404, `No commit found for the ref ${ref}`)
      const tree = ctx.repo.getCommit(sha).tree
      const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '')
      const accept = String(ctx.headers.accept ?? '')
      const file = tree.get(path)
      if (file !== undefined) {
        if (/\.raw\b|\.raw\+json|vnd\.github\.raw/.test(accept)) {
          return { status: 200, text: file, contentType: 'text/plain; charset=utf-8' }
        }
        return ok(contentFile(ctx, ctx.repo, path, file, ref))
      }
      const entries = directoryEntries(ctx, ctx.repo, tree, path, ref)
      if (entries === undefined) throw notFound()
      if (accept.includes('vnd.github.object')) {
        const dirSha = treeSha(tree, path)
        const self = `${ctx.urls.repoApi(ctx.repo.fullName)}/contents/${path}?ref=${encodeURIComponent(ref)}`
        const git = `${ctx.urls.repoApi(ctx.repo.fullName)}/git/trees/${dirSha}`
        const html = `${ctx.urls.repoWeb(ctx.repo.fullName)}/tree/${ref}/${path}`
        return ok({
          type: 'dir',
          size: 0,
          name: path.split('/').pop() ?? '',
          path,
          sha: dirSha,
          url: self,
          git_url: git,
          html_url: html,
          download_url: null,
          entries,
          _links: { self, git, html }
        })
      }
      return ok(entries)
    }
  }
]
