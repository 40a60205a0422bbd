import { traceRange, type AssociatedPullRequest, type RangeCommit } from './provenance'

const sha = (c: string): string => c.repeat(40)
const merged = (number: number, mergeCommit: string, base = 'main'): AssociatedPullRequest => ({ number, state: 'closed', baseRef: base, headSha: sha('f'), mergedAt: '2026-11-20T10:00:00Z', mergeCommitSha: mergeCommit })
const commit = (c: string, pulls: AssociatedPullRequest[], parents = 1): RangeCommit => ({ sha: sha(c), parents: Array.from({ length: parents }, () => sha('0')), pulls })

test('a merge commit and the pull request commits it brings are covered', () => {
  const pr = merged(5, sha('b'))
  const traced = traceRange([commit('a', [pr]), commit('b', [pr], 2)], ['main'], false)
  expect(traced.firstUncovered).toBeNull()
  expect(traced.commits.map((c) => c.landing)).toEqual(['in-pull-request', 'merge-commit'])
  expect(traced.pullRequests).toEqual([5])
})

test('the first commit without a merged pull request is named, even between two that have one', () => {
  const traced = traceRange([commit('a', [merged(1, sha('a'))]), commit('b', []), commit('c', [merged(3, sha('c'))])], ['main'], false)
  expect(traced.firstUncovered?.sha).toBe(sha('b'))
  expect(traced.firstUncovered?.explanation).toMatch(/bbbbbbb has no merged pull request/)
  expect(traced.pullRequests).toEqual([1, 3])
})

test('allow-direct-push lets a direct push through, but not a commit only in an open pull request', () => {
  expect(traceRange([commit('a', [])], ['main'], true).firstUncovered).toBeNull()
  const open: AssociatedPullRequest = { ...merged(7, sha('a')), state: 'open', mergedAt: null, mergeCommitSha: null }
  expect(traceRange([commit('a', [open])], ['main'], true).firstUncovered?.explanation).toMatch(/only in #7, which is not merged/)
})

test('a pull request merged into another branch does not cover the commit, nor one that landed outside the range', () => {
  expect(traceRange([commit('a', [merged(2, sha('a'), 'develop')])], ['main'], false).firstUncovered?.explanation).toMatch(/not into a deploy branch/)
  expect(traceRange([commit('a', [merged(2, sha('e'))])], ['main'], false).firstUncovered?.explanation).toMatch(/landed as eeeeeee/)
  expect(traceRange([commit('a', [merged(2, sha('a'), 'release/1')])], ['release/*'], false).firstUncovered).toBeNull()
})
