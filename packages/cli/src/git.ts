import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export class GitError extends Error {}

/** Runs git without a shell, so refs and paths from the command line are never interpreted. */
export async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' })
    return stdout
  } catch (error) {
    const e = error as { stderr?: string; message: string; code?: string }
    if (e.code === 'ENOENT') throw new GitError('git is not installed or not on PATH.')
    throw new GitError(`git ${args.join(' ')} failed: ${(e.stderr || e.message).trim()}`)
  }
}

export interface ChangedPath {
  path: string
  previousPath?: string
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed'
}

const STATUS: Record<string, ChangedPath['status']> = { A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' }

/**
 * The files a pull request from `head` into `base` would change: against the merge base,
 * as GitHub's "Files changed" tab shows them, renames detected the same way.
 */
export async function listChangedFiles(cwd: string, base: string, head: string): Promise<ChangedPath[]> {
  const out = await git(cwd, ['diff', '--name-status', '-z', '-M', '--no-color', `${base}...${head}`, '--'])
  const fields = out.split('\0')
  const files: ChangedPath[] = []
  for (let i = 0; i < fields.length - 1; ) {
    const code = fields[i++]!
    const status = STATUS[code[0]!] ?? 'changed'
    if (status === 'renamed' || status === 'copied') {
      const previousPath = fields[i++]!
      const path = fields[i++]!
      files.push(status === 'renamed' ? { path, previousPath, status } : { path, status })
    } else {
      files.push({ path: fields[i++]!, status })
    }
  }
  return files
}

/** A file's text at a ref, or null when it does not exist there. */
export async function readFileAtRef(cwd: string, ref: string, path: string): Promise<string | null> {
  try {
    await git(cwd, ['cat-file', '-e', `${ref}:${path}`])
  } catch {
    return null
  }
  return git(cwd, ['show', `${ref}:${path}`])
}

export async function resolveRef(cwd: string, ref: string): Promise<string> {
  return (await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim()
}

/**
 * The unified diff of each changed file from `base...head` (no context lines: only the
 * hunks' added and removed lines matter here), by path in the head. Binary files and paths
 * git has to quote get none, and are then read whole, as the action does where GitHub
 * gives no patch.
 */
export async function listPatches(cwd: string, base: string, head: string): Promise<Map<string, string>> {
  const out = await git(cwd, ['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '-U0', '-M', '--src-prefix=a/', '--dst-prefix=b/', `${base}...${head}`, '--'])
  const patches = new Map<string, string>()
  let path: string | undefined
  let hunks: string[] = []
  const flush = (): void => {
    if (path !== undefined && hunks.length > 0) patches.set(path, hunks.join('\n'))
    path = undefined
    hunks = []
  }
  for (const line of out.split('\n')) {
    if (line.startsWith('diff --git ')) flush()
    else if (line.startsWith('+++ ') && hunks.length === 0) path = line.startsWith('+++ b/') ? line.slice(6) : undefined
    else if (path !== undefined && (line.startsWith('@@') || hunks.length > 0)) hunks.push(line)
  }
  flush()
  return patches
}

/** A file's bytes at a ref, or null when it does not exist there. */
export async function readBlobAtRef(cwd: string, ref: string, path: string): Promise<Buffer | null> {
  try {
    const { stdout } = await run('git', ['cat-file', 'blob', `${ref}:${path}`], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' })
    return stdout
  } catch {
    return null
  }
}
