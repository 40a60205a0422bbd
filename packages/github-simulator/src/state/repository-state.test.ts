import { SimulatorState } from './simulator-state'

function setup() {
  const state = new SimulatorState()
  const repo = state.addRepository({ fullName: 'acme/app', files: { 'README.md': '# app\n', 'src/a.ts': 'a\n' } })
  return { state, repo }
}

test('pull requests and issues share one number sequence', () => {
  const { repo } = setup()
  expect(repo.addIssue({ title: 'one' }).number).toBe(1)
  expect(repo.openPullRequest({}).number).toBe(2)
  expect(repo.addIssue({ title: 'three' }).number).toBe(3)
  expect(repo.issue(2).pull?.number).toBe(2)
})

test('a pull request that modifies a file the base lacks seeds it on the base first', () => {
  const { repo } = setup()
  const pr = repo.openPullRequest({ files: [{ filename: 'config/app.toml', status: 'modified' }] })
  expect(repo.fileAt('main', 'config/app.toml')).toBeDefined()
  expect(repo.fileAt(pr.head.sha, 'config/app.toml')).not.toBe(repo.fileAt('main', 'config/app.toml'))
  expect(pr.base.sha).toBe(repo.branch('main'))
})

test('merging the base into the head keeps the pull request files and moves the base sha', () => {
  const { repo } = setup()
  const pr = repo.openPullRequest({ files: ['src/a.ts'] })
  const firstHead = pr.head.sha
  repo.commit({ branch: 'main', files: { 'other.md': 'x\n' } })
  const merge = repo.mergeBaseIntoPullRequest(pr.number)
  expect(merge.parents).toEqual([firstHead, repo.branch('main')])
  expect(pr.files.map((f) => f.filename)).toEqual(['src/a.ts'])
  expect(pr.commits).toHaveLength(2)
  expect(repo.fileAt(pr.head.sha, 'other.md')).toBe('x\n')
})

test('merging into the default branch closes the issues the pull request closes, not mentions', () => {
  const { repo } = setup()
  repo.addIssue({ title: 'closed by keyword' })
  repo.addIssue({ title: 'mentioned' })
  repo.addIssue({ title: 'linked' })
  const pr = repo.openPullRequest({ body: 'Resolves #1; relates to #2' })
  repo.linkIssue(pr.number, 3)
  const merge = repo.mergePullRequest(pr.number, { by: 'bob', method: 'squash' })
  expect([1, 2, 3].map((n) => repo.issue(n).state)).toEqual(['closed', 'open', 'closed'])
  expect(pr).toMatchObject({ merged: true, mergedBy: 'bob', mergeCommitSha: merge.sha })
  expect(merge.parents).toHaveLength(1)
  expect(repo.branch('main')).toBe(merge.sha)
  expect(repo.fileAt('main', 'README.md')).toBe(repo.fileAt(pr.head.sha, 'README.md'))
})

test('a rebase merge replays each commit onto the base', () => {
  const { repo } = setup()
  const pr = repo.openPullRequest({ files: ['one.txt'] })
  repo.pushToPullRequest(pr.number, { files: ['two.txt'] })
  const before = repo.branch('main') as string
  repo.mergePullRequest(pr.number, { method: 'rebase' })
  const added = repo.commitsBetween(before, repo.branch('main') as string)
  expect(added).toHaveLength(2)
  expect(repo.fileAt('main', 'two.txt')).toBeDefined()
})

test('commit dates strictly increase so commits made in the same second stay distinct', () => {
  const { repo } = setup()
  const a = repo.commit({ branch: 'main', files: { 'x.txt': '1\n' } })
  const b = repo.commit({ branch: 'main', files: { 'x.txt': '1\n' } })
  expect(a.sha).not.toBe(b.sha)
  expect(Date.parse(b.committer.date)).toBeGreaterThan(Date.parse(a.committer.date))
})

test('a review answers the request for it: the reviewer leaves requested_reviewers', () => {
  const { repo } = setup()
  const pr = repo.openPullRequest({ requestedReviewers: ['bob', 'carol'] })
  const review = repo.addReview(pr.number, { user: 'bob' })
  expect(pr.requestedReviewers).toEqual(['carol'])
  expect(review).toMatchObject({ state: 'APPROVED', commitId: pr.head.sha })
})
