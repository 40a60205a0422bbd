// A throwaway git repository for the command's tests: real git, in the OS temp folder.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export class ScratchRepository {
  readonly dir: string

  constructor(prefix: string) {
    this.dir = mkdtempSync(join(tmpdir(), prefix))
    this.git('init', '-q', '-b', 'main')
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8' })
  }

  write(path: string, text: string | Buffer): void {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true })
    writeFileSync(join(this.dir, path), text)
  }

  commit(message: string): void {
    this.git('add', '-A')
    this.git('-c', 'user.name=Test', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', message)
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}
