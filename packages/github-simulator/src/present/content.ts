// `content-file` and the entries of `content-directory`. File content is base64 broken into
// 60-character lines, as GitHub sends it; files over 1 MB come with `encoding: "none"` and
// no content (a client must then fetch the raw media type).
import { blobSha, treeSha } from '../state/git-objects'
import type { RepositoryState } from '../state/repository-state'
import type { Schemas, View } from './view'

export const INLINE_CONTENT_LIMIT = 1024 * 1024

export function base64Lines(content: string): string {
  const encoded = Buffer.from(content, 'utf8').toString('base64')
  return `${encoded.match(/.{1,60}/g)?.join('\n') ?? ''}\n`
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

function links(view: View, repo: RepositoryState, path: string, ref: string, kind: 'file' | 'dir', sha: string) {
  const self = `${view.urls.repoApi(repo.fullName)}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`
  const git = `${view.urls.repoApi(repo.fullName)}/git/${kind === 'file' ? 'blobs' : 'trees'}/${sha}`
  const html = `${view.urls.repoWeb(repo.fullName)}/${kind === 'file' ? 'blob' : 'tree'}/${ref}/${encodePath(path)}`
  return { self, git, html }
}

export function contentFile(view: View, repo: RepositoryState, path: string, content: string, ref: string): Schemas['content-file'] {
  const sha = blobSha(content)
  const size = Buffer.byteLength(content, 'utf8')
  const l = links(view, repo, path, ref, 'file', sha)
  const inline = size <= INLINE_CONTENT_LIMIT
  return {
    type: 'file',
    encoding: inline ? 'base64' : 'none',
    size,
    name: path.split('/').pop() ?? path,
    path,
    content: inline ? base64Lines(content) : '',
    sha,
    url: l.self,
    git_url: l.git,
    html_url: l.html,
    download_url: `https://raw.githubusercontent.com/${repo.fullName}/${ref}/${encodePath(path)}`,
    _links: l
  }
}

export type DirectoryEntry = Schemas['content-directory'][number]

/** The entries of directory `dir` ('' for the root) in a snapshot; undefined when it has none. */
export function directoryEntries(
  view: View,
  repo: RepositoryState,
  tree: ReadonlyMap<string, string>,
  dir: string,
  ref: string
): DirectoryEntry[] | undefined {
  const prefix = dir === '' ? '' : `${dir}/`
  const files = new Map<string, string>()
  const dirs = new Set<string>()
  for (const [path, content] of tree) {
    if (!path.startsWith(prefix)) continue
    const rest = path.slice(prefix.length)
    const slash = rest.indexOf('/')
    if (slash === -1) files.set(rest, content)
    else dirs.add(rest.slice(0, slash))
  }
  if (files.size === 0 && dirs.size === 0) return undefined
  const entries: DirectoryEntry[] = []
  for (const name of dirs) {
    const path = `${prefix}${name}`
    const sha = treeSha(tree, path)
    const l = links(view, repo, path, ref, 'dir', sha)
    entries.push({ type: 'dir', size: 0, name, path, sha, url: l.self, git_url: l.git, html_url: l.html, download_url: null, _links: l })
  }
  for (const [name, content] of files) {
    const path = `${prefix}${name}`
    const { content: _c, encoding: _e, ...entry } = contentFile(view, repo, path, content, ref)
    entries.push(entry)
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
