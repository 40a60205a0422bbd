import { execFileSync } from 'node:child_process'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { SimulatorState } from './simulator-state'

test('tree and commit ids equal what git computes for the same snapshot and signature', async () => {
  const files = { 'README.md': '# app\n', 'docs/guide.md': 'hello\n', 'docs/a/b.txt': 'deep\n', 'docs-x.md': 'sorts after docs/\n' }
  const state = new SimulatorState()
  const repo = state.addRepository({ fullName: 'acme/app', files })
  const commit = repo.getCommit(repo.branch('main') as string)

  const dir = await mkdtemp(join(tmpdir(), 'git-objects-'))
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), content)
  }
  const git = (args: string[], input?: string): string =>
    execFileSync('git', args, {
      cwd: dir,
      input,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        GIT_AUTHOR_NAME: commit.author.name,
        GIT_AUTHOR_EMAIL: commit.author.email,
        GIT_AUTHOR_DATE: `${Date.parse(commit.author.date) / 1000} +0000`,
        GIT_COMMITTER_NAME: commit.committer.name,
        GIT_COMMITTER_EMAIL: commit.committer.email,
        GIT_COMMITTER_DATE: `${Date.parse(commit.committer.date) / 1000} +0000`
      }
    })
      .toString()
      .trim()
  try {
    git(['init', '-q'])
    git(['add', '.'])
    expect(git(['write-tree'])).toBe(commit.treeSha)
    // commit-tree takes the message verbatim from stdin, as the simulator stores it.
    expect(git(['commit-tree', commit.treeSha], commit.message)).toBe(commit.sha)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
