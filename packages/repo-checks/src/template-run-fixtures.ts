// What the template runs share: the third-party steps they reach (a checkout that is already
// there, an App token holding exactly what the step asks for) and a pull request's
// `pull_request` event over a real local checkout of its head.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runnerEnv, webhookExample, type PullRequestScenario, type Simulator } from '@change-policy/github-simulator'

export function thirdParty(uses: string, given: Record<string, string>, mint: (permissions: Record<string, string>) => string): Record<string, string> | undefined {
  // The workspace is already the checkout.
  if (uses.startsWith('actions/checkout@')) return {}
  // The app token holds exactly the permission-* the step asks for: a missing one fails the job.
  if (uses.startsWith('actions/create-github-app-token@')) {
    const permissions = Object.fromEntries(Object.entries(given).filter(([name]) => name.startsWith('permission-')).map(([name, level]) => [name.slice('permission-'.length), level]))
    return { token: mint(permissions) }
  }
  return undefined
}

/** A base commit with one migration, then a `feature` branch with `files`: the checkout in `dir`, and the event of `sc`'s pull request. */
export function pullRequestEvent(sim: Simulator, sc: PullRequestScenario, dir: string, files: Record<string, string>): Record<string, string> {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, encoding: 'utf8' }).trim()
  const commit = (content: Record<string, string>, message: string): string => {
    for (const [path, text] of Object.entries(content)) {
      mkdirSync(join(dir, path, '..'), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    git('add', '-A')
    git('commit', '-q', '-m', message)
    return git('rev-parse', 'HEAD')
  }
  git('init', '-q', '-b', 'main')
  const baseSha = commit({ 'README.md': '# app\n', 'supabase/migrations/20260101000000_items.sql': 'create table items (id bigint primary key);\n' }, 'base')
  git('checkout', '-q', '-b', 'feature')
  const headSha = commit(files, 'change')
  const payload = webhookExample('pull_request', 'opened') as { number: number; pull_request: Record<string, unknown>; repository: Record<string, unknown> }
  payload.number = sc.pr.number
  Object.assign(payload.pull_request, { number: sc.pr.number, base: { ref: 'main', sha: baseSha }, head: { ref: 'feature', sha: headSha } })
  Object.assign(payload.repository, { full_name: sc.repo.fullName, name: sc.repo.record.name, default_branch: 'main' })
  const eventPath = `${dir}-event.json`
  writeFileSync(eventPath, JSON.stringify(payload))
  return runnerEnv(sim, sc.repo, { eventName: 'pull_request', eventPath, sha: headSha, ref: `refs/pull/${sc.pr.number}/merge`, actor: 'alice', headRef: 'feature', baseRef: 'main' })
}
