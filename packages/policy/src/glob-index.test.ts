import fc from 'fast-check'
import { Minimatch } from 'minimatch'
import { compileGlobList, compileGlobRules } from './glob-index'
import { GLOB_OPTIONS } from './globs'

const minimatchSays = (glob: string, path: string): boolean => new Minimatch(glob, GLOB_OPTIONS).match(path)
const indexSays = (glob: string, path: string): boolean => compileGlobList([glob])(path)

describe('the compiled glob index', () => {
  test.each([
    ['fly.toml', 'fly.toml', true],
    ['fly.toml', 'app/fly.toml', false],
    ['docs/**', 'docs/guide/intro.md', true],
    ['docs/**', 'docs', false],
    ['docs/**', 'documentation/a.md', false],
    ['**/*.md', 'README.md', true],
    ['**/*.md', 'a/.hidden/b.md', true],
    ['**/.env*', '.env', true],
    ['**/.env*', 'apps/web/.env.local', true],
    ['**/.env*', 'apps/web/env', false],
    ['supabase/**/*.sql', 'supabase/001.sql', true],
    ['supabase/**/*.sql', 'supabase/migrations/001.sql', true],
    ['supabase/**/*.sql', 'other/supabase/001.sql', false],
    ['src/*/index.ts', 'src/a/index.ts', true],
    ['src/*/index.ts', 'src/a/b/index.ts', false],
    ['*.{js,ts}', 'main.ts', true],
    ['*.{js,ts}', 'lib/main.ts', false],
    ['src/[ab]/*.ts', 'src/a/x.ts', true],
    ['src/[ab]/*.ts', 'src/c/x.ts', false],
    ['**', 'anything/at/all', true],
    ['?.txt', 'ab.txt', false],
    ['?.txt', 'é.txt', true]
  ])('%s against %s: %s, as minimatch says', (glob, path, expected) => {
    expect(indexSays(glob, path)).toBe(expected)
    expect(minimatchSays(glob, path)).toBe(expected)
  })

  test('reports each matching rule once, even when several of its globs match', () => {
    const index = compileGlobRules([['docs/**', '**/*.md', 'docs/a.md'], ['src/**'], ['**/*.md']])
    expect(index.matchingRules('docs/a.md').sort()).toEqual([0, 2])
    expect(index.matchingRules('src/x.ts')).toEqual([1])
    expect(index.matchingRules('lib/x.ts')).toEqual([])
  })

  test('paths not in GitHub\'s canonical form are left to minimatch as written', () => {
    for (const path of ['./docs/a.md', 'docs//a.md', '/docs/a.md', 'docs/../src/a.ts']) {
      expect(indexSays('docs/**', path)).toBe(minimatchSays('docs/**', path))
    }
  })

  const segment = fc.constantFrom('a', 'b', 'docs', '.github', '*', '?', '**', '*.md', 'a*', '.env*', '*.ts', '{a,b}', '[ab]', 'x?y', '*.test.ts', '@(a|b)', 'a\\*')
  const glob = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'))
  const pathSegment = fc.constantFrom('a', 'b', 'docs', '.github', 'x.md', 'a.md', '.env', '.env.local', 'y.test.ts', 'z.ts', 'xzy', 'xy', 'ab', '*', 'é', '😀.md')
  const path = fc.array(pathSegment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'))

  test('agrees with minimatch on random globs and paths', () => {
    fc.assert(
      fc.property(glob, fc.array(path, { minLength: 1, maxLength: 20 }), (pattern, paths) => {
        const compiled = compileGlobList([pattern])
        for (const p of paths) expect([pattern, p, compiled(p)]).toEqual([pattern, p, minimatchSays(pattern, p)])
      }),
      { numRuns: 3000 }
    )
  })

  test('agrees with minimatch when many rules share one index', () => {
    fc.assert(
      fc.property(fc.array(fc.array(glob, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.array(path, { maxLength: 20 }), (rules, paths) => {
        const index = compileGlobRules(rules)
        const matchers = rules.map((globs) => globs.map((g) => new Minimatch(g, GLOB_OPTIONS)))
        for (const p of paths) {
          const expected = matchers.flatMap((ms, rule) => (ms.some((m) => m.match(p)) ? [rule] : []))
          expect(index.matchingRules(p).sort((x, y) => x - y)).toEqual(expected)
        }
      }),
      { numRuns: 500 }
    )
  })
})
