// What changed between two snapshots, as the files of a commit, a comparison or a pull
// request report it: status, line counts and a unified patch.
import { blobSha } from './git-objects'
import type { ChangedFileRecord } from './records'

/** Past this many lines on a side, the patch is one replace-all hunk rather than an LCS. */
const LCS_LIMIT = 2000

/**
 * GitHub leaves a file's `patch` out when its diff is over 100 KB of raw diff data (its
 * documented per-file diff limit) or its content is binary (git's test: a NUL byte).
 */
export const PATCH_BYTES_LIMIT = 100 * 1024

function isBinary(content: string | undefined): boolean {
  return content !== undefined && content.slice(0, 8000).includes('\u0000')
}

function splitLines(content: string): string[] {
  if (content === '') return []
  const lines = content.split('\n')
  if (content.endsWith('\n')) lines.pop()
  return lines
}

/** A unified patch of one hunk covering the whole file, with additions and deletions counted. */
export function patchOf(before: string | undefined, after: string | undefined): { patch: string; additions: number; deletions: number } {
  const a = splitLines(before ?? '')
  const b = splitLines(after ?? '')
  const body: string[] = []
  if (a.length > LCS_LIMIT || b.length > LCS_LIMIT || a.length === 0 || b.length === 0) {
    for (const line of a) body.push(`-${line}`)
    for (const line of b) body.push(`+${line}`)
  } else {
    // Classic LCS table; the files a test writes are small.
    const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
    for (let i = a.length - 1; i >= 0; i--) {
      const row = table[i] as number[]
      const below = table[i + 1] as number[]
      for (let j = b.length - 1; j >= 0; j--) {
        row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number)
      }
    }
    let i = 0
    let j = 0
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        body.push(` ${a[i]}`)
        i++
        j++
      } else if (j < b.length && (i === a.length || (table[i]?.[j + 1] ?? 0) >= (table[i + 1]?.[j] ?? 0))) {
        body.push(`+${b[j]}`)
        j++
      } else {
        body.push(`-${a[i]}`)
        i++
      }
    }
  }
  const additions = body.filter((l) => l.startsWith('+')).length
  const deletions = body.filter((l) => l.startsWith('-')).length
  const oldRange = a.length === 0 ? '0,0' : `1,${a.length}`
  const newRange = b.length === 0 ? '0,0' : `1,${b.length}`
  return { patch: [`@@ -${oldRange} +${newRange} @@`, ...body].join('\n'), additions, deletions }
}

export function changedFile(
  filename: string,
  before: string | undefined,
  after: string | undefined,
  previousFilename?: string
): ChangedFileRecord {
  // A pure rename has no hunk at all, and GitHub sends no patch for it.
  const { patch, additions, deletions } = before === after ? { patch: '', additions: 0, deletions: 0 } : patchOf(before, after)
  const status = previousFilename !== undefined ? 'renamed' : before === undefined ? 'added' : after === undefined ? 'removed' : 'modified'
  const record: ChangedFileRecord = {
    filename,
    status,
    additions,
    deletions,
    changes: additions + deletions,
    sha: after !== undefined ? blobSha(after) : before !== undefined ? blobSha(before) : null
  }
  const omitted = isBinary(before) || isBinary(after) || Buffer.byteLength(patch, 'utf8') > PATCH_BYTES_LIMIT
  if (patch !== '' && patch !== '@@ -0,0 +0,0 @@' && !omitted) record.patch = patch
  if (previousFilename !== undefined) record.previousFilename = previousFilename
  return record
}

/** Files that differ between two snapshots, in path order; exact moves count as renames, as git's rename detection would find them. */
export function diffTrees(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): ChangedFileRecord[] {
  const removed = new Map<string, string>()
  const added = new Map<string, string>()
  const out: ChangedFileRecord[] = []
  for (const [path, content] of before) {
    const next = after.get(path)
    if (next === undefined) removed.set(path, content)
    else if (next !== content) out.push(changedFile(path, content, next))
  }
  for (const [path, content] of after) if (!before.has(path)) added.set(path, content)
  for (const [path, content] of added) {
    const from = [...removed].find(([, old]) => old === content)
    if (from !== undefined) {
      removed.delete(from[0])
      out.push(changedFile(path, content, content, from[0]))
    } else {
      out.push(changedFile(path, undefined, content))
    }
  }
  for (const [path, content] of removed) out.push(changedFile(path, content, undefined))
  return out.sort((x, y) => (x.filename < y.filename ? -1 : x.filename > y.filename ? 1 : 0))
}
