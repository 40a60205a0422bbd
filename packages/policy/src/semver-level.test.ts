import { largerLevel, semverLevel } from './semver-level'

describe('the size of a version bump', () => {
  test.each([
    ['1.2.3', '1.2.4', 'patch'],
    ['1.2.3', '1.3.0', 'minor'],
    ['1.2.3', '2.0.0', 'major'],
    ['v3', 'v4', 'major'],
    ['3.1', '3.2', 'minor'],
    ['^1.31.0', '^1.31.1', 'patch'],
    ['==5.1.1', '==6.2.0', 'major'],
    ['~> 1.56', '~> 1.57', 'minor'],
    ['1.2.3.4', '1.2.3.5', 'patch'],
    ['0.1.2', '0.1.3', 'patch'],
    ['0.1.2', '0.2.0', 'major'],
    ['0.0.1', '0.0.2', 'major'],
    ['1.2.3', '1.2.4-beta.1', 'major'],
    ['1.2.3', '1.2.4+build.7', 'patch'],
    ['82cd3e7', '5bf6ce0', 'unknown'],
    ['latest', '1.0.0', 'unknown'],
    ['1.0.0', '1.0.0', 'unknown'],
    ['', '1.0.0', 'unknown']
  ])('%s → %s is %s', (from, to, level) => {
    expect(semverLevel(from, to)).toBe(level)
  })

  test('unknown is larger than any level', () => {
    expect(largerLevel('major', 'unknown')).toBe('unknown')
    expect(largerLevel('minor', 'patch')).toBe('minor')
  })
})
