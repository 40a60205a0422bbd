import { globProblem, isCanonicalPath, literalGlob } from './globs'
import { compileGlobList } from './glob-index'

describe('globs that cannot match', () => {
  test.each(['docs/**', '**/*.md', 'fly.toml', '.github/workflows/*.yml', '{src,lib}/**', 'src/[ab]/*.ts', 'hotfix/**'])('%s is fine', (glob) => {
    expect(globProblem(glob)).toBeUndefined()
  })

  test.each([
    ['', 'is empty'],
    [' docs/**', 'starts or ends with a space'],
    ['/docs/**', 'starts with `/`'],
    ['./docs/**', 'starts with `./`'],
    ['docs\\**', 'contains `\\`'],
    ['!docs/**', 'negated'],
    ['a/../b', '`..` segment'],
    ['a/./b', '`.` segment'],
    ['docs/', 'ends with `/`'],
    ['a//b', 'contains `//`'],
    ['{1..300}', 'expands to 300 patterns']
  ])('%j %s', (glob, message) => {
    expect(globProblem(glob)?.message).toContain(message)
  })
})

describe('paths', () => {
  test('a literal path becomes a glob that matches only itself', () => {
    const glob = literalGlob('config/[prod]/policy*.yml')
    expect(compileGlobList([glob])('config/[prod]/policy*.yml')).toBe(true)
    expect(compileGlobList([glob])('config/p/policy-a.yml')).toBe(false)
  })

  test.each([['a/b.ts', true], ['a', true], ['/a', false], ['a/', false], ['a//b', false], ['./a', false], ['a/../b', false], ['', false], ['.env', true], ['a/..b', true]])('%j is canonical: %s', (path, expected) => {
    expect(isCanonicalPath(path)).toBe(expected)
  })
})
