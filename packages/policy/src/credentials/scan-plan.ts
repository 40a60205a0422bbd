// Which files of a pull request are scanned, and from what: the added lines of the patch
// GitHub gave, or the whole file at the head when it gave none (large or binary diffs).
import { compileGlobList } from '../glob-index'
import type { CredentialSettings } from '../types'
import { addedLines, type AddedLine } from './added-lines'
import { hasBinaryExtension } from './binary-paths'

export interface FileToScan {
  path: string
  status: string
  /** GitHub's `patch`; absent when GitHub left it out. */
  patch?: string
  /** GitHub's `changes` (lines added plus removed), when known. */
  changes?: number
}

export type ScanTarget =
  | { path: string; from: 'patch'; lines: AddedLine[] }
  /** No patch: read the file at the head and scan all of it. */
  | { path: string; from: 'head' }

export interface CredentialScanPlan {
  targets: ScanTarget[]
  /** Paths matched by `credentials.ignore-paths`. */
  ignored: string[]
  /** Paths not scanned because their content is binary, and why. */
  notScanned: { path: string; reason: string }[]
  /** Files with nothing added (removed files, pure renames, deletions only). */
  unchanged: number
}

export function planCredentialScan(files: readonly FileToScan[], settings: CredentialSettings): CredentialScanPlan {
  const plan: CredentialScanPlan = { targets: [], ignored: [], notScanned: [], unchanged: 0 }
  if (!settings.scan) return plan
  const ignore = settings.ignorePaths.length > 0 ? compileGlobList(settings.ignorePaths) : undefined
  for (const file of files) {
    if (file.status === 'removed') {
      plan.unchanged++
      continue
    }
    if (ignore?.(file.path)) {
      plan.ignored.push(file.path)
      continue
    }
    if (typeof file.patch === 'string') {
      const lines = addedLines(file.patch)
      if (lines.length === 0) plan.unchanged++
      else plan.targets.push({ path: file.path, from: 'patch', lines })
      continue
    }
    if (file.status === 'renamed' && file.changes === 0) {
      // A pure rename: its content is already on the base branch, under the old name.
      plan.unchanged++
      continue
    }
    if (hasBinaryExtension(file.path)) {
      plan.notScanned.push({ path: file.path, reason: 'binary file (by its extension)' })
      continue
    }
    plan.targets.push({ path: file.path, from: 'head' })
  }
  return plan
}
