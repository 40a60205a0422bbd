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
