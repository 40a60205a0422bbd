// The only way this package talks to git: the git CLI through execFile, never a shell,
// so no path or ref can be read as shell syntax.
import { execFile } from 'node:child_process'

export class GitError extends Error {
  readonly fix: string
  constructor(message: string, fix: string) {
    super(message)
    this.name = 'GitError'
    this.fix = fix
  }
}

export function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT') reject(new GitError('git is not installed or not on PATH.', 'Install git on the runner (actions/checkout needs it too).'))
        else reject(new GitError(`git ${args[0] ?? ''} failed: ${(stderr || error.message).trim()}`, 'Run the step inside a git checkout of the repository.'))
        return
      }
      resolve(stdout)
    })
  })
}
