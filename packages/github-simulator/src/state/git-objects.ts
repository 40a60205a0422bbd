// Object ids computed the way git computes them, so a blob sha from the contents API equals
// `git hash-object` of the same text and code that compares shas meets real values.
import { createHash } from 'node:crypto'
import type { GitIdentity } from './records'

function hashObject(kind: 'blob' | 'tree' | 'commit', body: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${kind} ${body.length}\0`), body]))
    .digest('hex')
}

export function blobSha(content: string): string {
  return hashObject('blob', Buffer.from(content, 'utf8'))
}

/** The tree id of `dir` ('' for the root) within a flat path -> content snapshot. */
export function treeSha(tree: ReadonlyMap<string, string>, dir = ''): string {
  const prefix = dir === '' ? '' : `${dir}/`
  const files = new Map<string, string>()
  const dirs = new Set<string>()
  for (const [path, content] of tree) {
    if (!path.startsWith(prefix)) continue
    const rest = path.slice(prefix.length)
    const slash = rest.indexOf('/')
    if (slash === -1) files.set(rest, blobSha(content))
    else dirs.add(rest.slice(0, slash))
  }
  const entries: { name: string; mode: string; sha: string; sortKey: string }[] = []
  for (const [name, sha] of files) entries.push({ name, mode: '100644', sha, sortKey: name })
  // git sorts a subtree as if its name ended in '/'.
  for (const name of dirs) entries.push({ name, mode: '40000', sha: treeSha(tree, `${prefix}${name}`), sortKey: `${name}/` })
  entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
  const body = Buffer.concat(
    entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')]))
  )
  return hashObject('tree', body)
}

function signature(who: GitIdentity): string {
  const seconds = Math.floor(Date.parse(who.date) / 1000)
  return `${who.name} <${who.email}> ${seconds} +0000`
}

export function commitSha(commit: {
  treeSha: string
  parents: readonly string[]
  author: GitIdentity
  committer: GitIdentity
  message: string
}): string {
  const lines = [`tree ${commit.treeSha}`, ...commit.parents.map((p) => `parent ${p}`)]
  lines.push(`author ${signature(commit.author)}`, `committer ${signature(commit.committer)}`, '', commit.message)
  return hashObject('commit', Buffer.from(lines.join('\n'), 'utf8'))
}

/** Lines of a text as a diff counts them: a trailing newline does not open another line. */
export function lineCount(content: string): number {
  if (content === '') return 0
  const n = content.split('\n').length
  return content.endsWith('\n') ? n - 1 : n
}
