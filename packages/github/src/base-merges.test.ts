import { pullRequestScenario, startSimulator, type Simulator } from '@change-policy/github-simulator'
import { createGitHubClient } from './client'
import { fileOutcomes, firstDifference, verifyBaseMerge } from './base-merges'

describe('comparing what a merge changed with what the base branch changed', () => {
  const blob = (c: string) => c.repeat(40)

  test('the same files with the same contents are no difference', () => {
    const merged = fileOutcomes([{ filename: 'a.ts', status: 'modified', sha: blob('1') }, { filename: 'b.ts', status: 'removed', sha: blob('2') }])
    const base = fileOutcomes([{ filename: 'b.ts', status: 'removed', sha: blob('9') }, { filename: 'a.ts', status: 'modified', sha: blob('1') }])
    expect(firstDifference(merged, base)).toBeNull()
  })

  test('a file the base did not change is a difference', () => {
    const merged = fileOutcomes([{ filename: 'a.ts', status: 'modified', sha: blob('1') }, { filename: 'evil.ts', status: 'added', sha: blob('3') }])
    const base = fileOutcomes([{ filename: 'a.ts', status: 'modified', sha: blob('1') }])
    expect(firstDifference(merged, base)).toBe('it changes evil.ts, which the base branch did not change')
  })

  test('other contents than the base\'s (a hand-resolved conflict) are a difference', () => {
    const merged = fileOutcomes([{ filename: 'a.ts', status: 'modified', sha: blob('4') }])
    const base = fileOutcomes([{ filename: 'a.ts', status: 'modified', sha: blob('1') }])
    expect(firstDifference(merged, base)).toBe("its version of a.ts is not the base branch's")
  })

  test("keeping the pull request's side of a file the base changed is a difference", () => {
    const base = fileOutcomes([{ filename: 'a.ts', status: 'modified', sha: blob('1') }])
    expect(firstDifference(fileOutcomes([]), base)).toBe("it keeps the pull request's version of a.ts, which the base branch changed")
  })

  test('a rename deletes its old path, whichever way each side detected it', () => {
    const renamed = fileOutcomes([{ filename: 'new.ts', previous_filename: 'old.ts', status: 'renamed', sha: blob('5') }])
    const spelledOut = fileOutcomes([{ filename: 'old.ts', status: 'removed', sha: blob('5') }, { filename: 'new.ts', status: 'added', sha: blob('5') }])
    expect(renamed).toEqual(new Map([['old.ts', 'deleted'], ['new.ts', blob('5')]]))
    expect(firstDifference(renamed, spelledOut)).toBeNull()
  })

  test('an entry without a blob sha is never taken as the same', () => {
    const merged = fileOutcomes([{ filename: 'a.bin', status: 'modified', sha: null }])
    const base = fileOutcomes([{ filename: 'a.bin', status: 'modified', sha: null }])
    expect(firstDifference(merged, base)).not.toBeNull()
  })
})

describe('verifyBaseMerge against the simulator', () => {
  let sim: Simulator
  beforeEach(async () => {
    sim = await startSimulator()
  })
  afterEach(async () => {
    await sim.close()
  })

  async function setUp() {
    const sc = await pullRequestScenario(sim, { files: [{ filename: 'src/app.ts', content: 'pr\n' }] })
    sc.repo.commit({ branch: 'main', files: { 'src/base.ts': 'from main\n', 'README.md': '# changed on main\n' } })
    const client = createGitHubClient({ token: sim.token, baseUrl: sim.url, retryBaseMs: 1 })
    return { sc, client, repo: { owner: 'acme', repo: 'app' } }
  }

  test('"Update branch" only merges the base, in two requests', async () => {
    const { sc, client, repo } = await setUp()
    const merge = sc.repo.mergeBaseIntoPullRequest(sc.pr.number, { committer: 'web-flow' })
    const before = sim.requests.length
    const verdict = await verifyBaseMerge(client, repo, merge, new Set([sc.headSha, merge.sha]))
    expect(verdict).toEqual({ sha: merge.sha, onlyMergesBase: true, reason: '' })
    expect(sim.requests.length - before).toBe(2)
  })

  test('a merge that also edits a file of its own is refused and says which', async () => {
    const { sc, client, repo } = await setUp()
    const merge = sc.repo.mergeBaseIntoPullRequest(sc.pr.number, { extraFiles: { 'src/app.ts': 'pr, resolved by hand\n' } })
    const verdict = await verifyBaseMerge(client, repo, merge, new Set([sc.headSha, merge.sha]))
    expect(verdict.onlyMergesBase).toBe(false)
    expect(verdict.reason).toBe('it changes src/app.ts, which the base branch did not change')
  })

  test("a merge that drops one of the base branch's changes is refused", async () => {
    const { sc, client, repo } = await setUp()
    const merge = sc.repo.mergeBaseIntoPullRequest(sc.pr.number, { extraFiles: { 'README.md': sc.repo.fileAt(sc.headSha, 'README.md') ?? null } })
    const verdict = await verifyBaseMerge(client, repo, merge, new Set([sc.headSha, merge.sha]))
    expect(verdict.reason).toBe("it keeps the pull request's version of README.md, which the base branch changed")
  })

  test('a merge of one of the pull request\'s own commits is not a base merge, and costs nothing', async () => {
    const { client, repo } = await setUp()
    const before = sim.requests.length
    const verdict = await verifyBaseMerge(client, repo, { sha: 'c'.repeat(40), parents: ['a'.repeat(40), 'b'.repeat(40)] }, new Set(['a'.repeat(40), 'b'.repeat(40)]))
    expect(verdict.reason).toBe('it merges a commit of the pull request, not the base branch')
    expect(sim.requests.length).toBe(before)
  })
})
