// Reads the migrations folder of the working tree and compares it with the base ref:
// which files are new, edited or unchanged, which were deleted, and whether the history's
// order and names hold. The working tree (not HEAD) is what is read, so the local command
// judges uncommitted files exactly as CI will judge them once pushed.
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import type { Finding } from '../finding'
import { git, GitError } from './git'
import { compareVersions, SUPABASE_FILE_NAME, versionOf } from './migration-file-name'

export type MigrationStatus = 'new' | 'edited' | 'unchanged'

export interface MigrationFileEntry {
  /** Relative to the repository root, with forward slashes. */
  path: string
  name: string
  /** Undefined when the name does not match the pattern. */
  version?: string
  /** Against the base ref; 'new' for every file when no base ref is given. */
  status: MigrationStatus
  bytes: Buffer
}

export interface MigrationHistory {
  /** Working-tree files in apply order (by version, then name). */
  files: MigrationFileEntry[]
  /** Paths on the base ref that are gone from the working tree. */
  deleted: string[]
  /** Problems with names, versions, order, edits and deletions. All are errors. */
  findings: Finding[]
  /** The commit the base ref resolved to, for the summary and audit record. */
  baseCommit?: string
}

export interface ReadHistoryOptions {
  /** The repository checkout (any directory inside it). */
  repoDir: string
  /** The migrations folder, relative to repoDir (e.g. supabase/migrations). */
  path: string
  /** The ref holding the history already deployed (e.g. origin/main). Absent: every file is new. */
  baseRef?: string
  /** Default: <14-digit timestamp>_<name>.sql; the first capture group is the version. */
  fileNamePattern?: RegExp
}

function historyFinding(rule: string, file: string, message: string, why: string, fix: string): Finding {
  return { rule, severity: 'error', file, line: 1, column: 1, message, why, fix, destructive: false }
}

/** Paths and blob ids of the .sql files directly in `path` at `ref`. */
async function filesAtRef(repoDir: string, ref: string, path: string): Promise<Map<string, string>> {
  const output = await git(repoDir, ['ls-tree', '-z', `${ref}:${path}`]).catch((error: unknown) => {
    // The folder not existing at the base is a first migration, not an error.
    if (error instanceof GitError && /not a tree object|Not a valid object name|does not exist/i.test(error.message)) return ''
    throw error
  })
  const files = new Map<string, string>()
  for (const entry of output.split('\0')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(entry)
    if (match?.[1] && match[2]?.endsWith('.sql')) files.set(match[2], match[1])
  }
  return files
}

export async function readMigrationHistory(options: ReadHistoryOptions): Promise<MigrationHistory> {
  const pattern = options.fileNamePattern ?? SUPABASE_FILE_NAME
  const folder = options.path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '')
  const directory = join(options.repoDir, folder)
  let names: string[]
  try {
    names = readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.sql'))
      .map((entry) => entry.name)
  } catch {
    names = []
  }
  const findings: Finding[] = []
  let base = new Map<string, string>()
  let baseCommit: string | undefined
  const baseRef = options.baseRef
  if (baseRef) {
    const prefix = (await git(options.repoDir, ['rev-parse', '--show-prefix'])).trim()
    baseCommit = (
      await git(options.repoDir, ['rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`]).catch(() => {
        throw new GitError(
          `The base ref "${baseRef}" is not in this checkout.`,
          `Fetch it before this step: use actions/checkout with fetch-depth: 0, or run git fetch origin ${baseRef.replace(/^origin\//, '')}.`
        )
      })
    ).trim()
    base = await filesAtRef(options.repoDir, baseCommit, posix.join(prefix, folder))
  }
  const local = new Map<string, Buffer>(names.map((name) => [name, readFileSync(join(directory, name))]))
  const blobs = new Map<string, string>()
  const shared = names.filter((name) => base.has(name))
  if (shared.length > 0) {
    // One git call hashes every file as git would store it (filters such as autocrlf applied).
    const hashes = (await git(options.repoDir, ['hash-object', '--', ...shared.map((name) => posix.join(folder, name))])).trim().split('\n')
    shared.forEach((name, index) => blobs.set(name, hashes[index] ?? ''))
  }
  const display = (name: string): string => posix.join(folder, name)
  const files: MigrationFileEntry[] = names.map((name) => {
    const baseBlob = base.get(name)
    const status: MigrationStatus = baseBlob === undefined ? 'new' : baseBlob === blobs.get(name) ? 'unchanged' : 'edited'
    return { path: display(name), name, version: versionOf(name, pattern), status, bytes: local.get(name) ?? Buffer.alloc(0) }
  })
  files.sort((a, b) => compareVersions(a.version ?? a.name, b.version ?? b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

  const deleted = [...base.keys()].filter((name) => !local.has(name)).map(display)
  for (const path of deleted) {
    findings.push(
      historyFinding(
        'deleted-migration',
        path,
        `${path} is on the base branch but was deleted. Databases that already ran it keep its changes, and new ones would not get them.`,
        'A migration that has been deployed is part of every database built since; removing it makes new environments differ from production.',
        'Restore the file, and undo its changes with a new migration instead.'
      )
    )
  }
  const baseVersions = [...base.keys()].map((name) => versionOf(name, pattern)).filter((version): version is string => version !== undefined)
  const latestBase = baseVersions.reduce<string | undefined>((latest, version) => (latest === undefined || compareVersions(version, latest) > 0 ? version : latest), undefined)
  const seen = new Map<string, string>()
  for (const file of files) {
    if (file.version === undefined) {
      findings.push(
        historyFinding(
          'migration-file-name',
          file.path,
          `${file.name} does not match the migration file name pattern ${pattern.source}.`,
          'The runner orders and records migrations by the version in the file name; a file that does not match is skipped or misordered.',
          pattern === SUPABASE_FILE_NAME ? 'Name it <YYYYMMDDHHMMSS>_<description>.sql, e.g. with `supabase migration new <description>`.' : `Rename it to match ${pattern.source}.`
        )
      )
      continue
    }
    const first = seen.get(file.version)
    if (first) {
      findings.push(
        historyFinding(
          'duplicate-version',
          file.path,
          `${file.name} has version ${file.version}, like ${first}.`,
          'The runner records applied migrations by version: the second file with a version already recorded is never applied.',
          `Give ${file.name} a new version later than every existing migration (rename it with a current timestamp).`
        )
      )
    } else seen.set(file.version, file.name)
    if (file.status === 'edited') {
      findings.push(
        historyFinding(
          'edited-migration',
          file.path,
          `${file.path} is already on the base branch and was changed. Databases that already ran it will never run the new version.`,
          'A deployed migration is never re-run, so editing it makes production and fresh databases differ.',
          'Revert the change to this file and put it in a new migration instead.'
        )
      )
    }
    if (file.status === 'new' && latestBase !== undefined && compareVersions(file.version, latestBase) <= 0) {
      findings.push(
        historyFinding(
          'out-of-order',
          file.path,
          `${file.name} (version ${file.version}) sorts before ${latestBase}, the latest migration on the base branch.`,
          'Databases already at the base branch have run later migrations; the runner refuses (or silently skips) one that sorts before them.',
          'Rename the file with a current timestamp so it sorts after every migration on the base branch (supabase migration new creates one).'
        )
      )
    }
  }
  return { files, deleted, findings, baseCommit }
}
