import { BASE, C1, C2, C3, C4, baseMerge, commit } from './approval-fixtures'
import { commitsAfter, shortSha } from './commit-history'

describe('commitsAfter', () => {
  const linear = [commit(C1, [BASE]), commit(C2, [C1]), commit(C3, [C2])]

  test('nothing comes after the head', () => {
    expect(commitsAfter(linear, C3, C3)).toEqual([])
  })

  test('the commits after an older one, oldest first', () => {
    expect(commitsAfter(linear, C1, C3)?.map((c) => c.sha)).toEqual([C2, C3])
  })

  test('a commit that is not in the history (force-pushed away) gives null', () => {
    expect(commitsAfter(linear, 'f'.repeat(40), C3)).toBeNull()
  })

  test('a commit that is not an ancestor of the head gives null even when listed', () => {
    const branched = [commit(C1, [BASE]), commit(C2, [C1]), commit(C3, [C1])]
    expect(commitsAfter(branched, C2, C3)).toBeNull()
  })

  test('a side branch merged into the pull request brings its commits after the approval', () => {
    // C1 <- C2 (approved) ; C1 <- C3 (side branch) ; C4 merges C3 into C2.
    const history = [commit(C1, [BASE]), commit(C2, [C1]), commit(C3, [C1]), commit(C4, [C2, C3])]
    expect(commitsAfter(history, C2, C4)?.map((c) => c.sha)).toEqual([C3, C4])
  })

  test('base-branch commits a merge brings in are not the pull request\'s', () => {
    const history = [commit(C1, [BASE]), baseMerge(C2, C1)]
    expect(commitsAfter(history, C1, C2)?.map((c) => c.sha)).toEqual([C2])
  })

  test('SHAs compare without regard to case', () => {
    expect(commitsAfter(linear, C1.toUpperCase(), C3)?.map((c) => c.sha)).toEqual([C2, C3])
  })

  test('shortSha is the seven characters people quote', () => {
    expect(shortSha(C1)).toBe('1111111')
  })
})
