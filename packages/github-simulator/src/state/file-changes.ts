// How a test describes the files of a pull request or a commit, and how that description
// becomes both the snapshot at the head (so the contents API agrees) and the PR's file list.
import { blobSha } from './git-objects'
import type { ChangedFileRecord, FileStatus } from './records'
import { changedFile } from './tree-diff'

/** A file of a pull request: a bare name is a modified (or, when new, added) file. */
export type FileChangeInput =
  | string
  | {
      filename: string
      status?: FileStatus
      /** The content at the head; generated when absent. */
      content?: string
      additions?: number
      deletions?: number
      /** `null` leaves the patch out, as GitHub does for binary and huge diffs. */
      patch?: string | null
      previous_filename?: string
    }

export interface PlannedChange {
  record: ChangedFileRecord
  /** Content to write at `record.filename`; undefined deletes it. */
  content: string | undefined
  /** A file the base must already hold for the change to make sense (modified, removed, renamed). */
  requiresAtBase?: { path: string; content: string }
}

function generatedContent(filename: string, lines: number | undefined): string {
  if (lines === undefined) return `${filename}\n`
  return Array.from({ length: lines }, (_, i) => `${filename} line ${i + 1}\n`).join('')
}

export function planChange(input: FileChangeInput, baseTree: ReadonlyMap<string, string>): PlannedChange {
  const spec = typeof input === 'string' ? { filename: input } : input
  const previous = spec.previous_filename
  const status: FileStatus =
    spec.status ?? (previous !== undefined ? 'renamed' : baseTree.has(spec.filename) ? 'modified' : 'added')
  const before = baseTree.get(previous ?? spec.filename)
  const seedBefore = before ?? generatedContent(previous ?? spec.filename, spec.deletions)
  let requiresAtBase: PlannedChange['requiresAtBase']
  if (before === undefined && status !== 'added') requiresAtBase = { path: previous ?? spec.filename, content: seedBefore }

  let content: string | undefined
  if (status === 'removed') content = undefined
  else if (spec.content !== undefined) content = spec.content
  else if (status === 'renamed' && spec.additions === undefined) content = seedBefore
  else if (status === 'modified') content = `${seedBefore}${generatedContent(spec.filename, spec.additions ?? 1)}`
  else content = generatedContent(spec.filename, spec.additions)

  const computed = changedFile(
    spec.filename,
    status === 'added' ? undefined : seedBefore,
    content,
    status === 'renamed' ? previous : undefined
  )
  const record: ChangedFileRecord = { ...computed, status }
  if (spec.additions !== undefined) record.additions = spec.additions
  if (spec.deletions !== undefined) record.deletions = spec.deletions
  record.changes = record.additions + record.deletions
  if (spec.patch === null) delete record.patch
  else if (spec.patch !== undefined) record.patch = spec.patch
  record.sha = content !== undefined ? blobSha(content) : blobSha(seedBefore)
  const planned: PlannedChange = { record, content }
  if (requiresAtBase !== undefined) planned.requiresAtBase = requiresAtBase
  return planned
}
