// Matching thousands of changed files against every rule of a policy, fast. minimatch 11
// has no `makeRe`, and asking each Minimatch about each file costs ~20 ms for 3,000 files
// × 50 rules; a combined RegExp per rule is no better (`(?:[^/]+/)*[^/]*\.md` backtracks).
// So each glob is compiled into the shape it has (an exact path, a folder prefix, a file
// name anywhere under a folder) and indexed, and a file only meets the globs that could
// match it. Globs of any other shape get an anchored RegExp; the rare ones this file does
// not translate (classes, extglobs, escapes) keep their Minimatch. glob-index.test.ts
// checks the translation against minimatch itself.
import { Minimatch, braceExpand } from 'minimatch'
import { GLOB_OPTIONS, MAX_GLOB_EXPANSIONS, isCanonicalPath } from './globs'

export interface GlobRuleIndex {
  /** The indexes of the rules that have a glob matching `path`, each once; a new array each call. */
  matchingRules(path: string): number[]
  /**
   * For a rule returned by the latest `matchingRules` call, one of its globs that matched
   * (for messages such as "'a.sql' matches 'supabase/**'").
   */
  globThatMatched(rule: number): string | undefined
}

/** How a file name is tested: most name globs are `*.ext` or `.env*`, which need no RegExp. */
type NameTest = { kind: 'literal'; text: string } | { kind: 'affix'; prefix: string; suffix: string } | { kind: 'regex'; re: RegExp }

interface Entry {
  rule: number
  glob: string
}

interface NameEntry extends Entry {
  /** The literal folders the name must be under, with a trailing `/`; '' for anywhere. */
  under: string
  name: NameTest
}

interface RegexEntry extends Entry {
  re: RegExp
  /** A literal segment every match contains: a cheap `includes` spares most regex runs. */
  needs: string
}

interface ContainingEntry extends Entry {
  /** `secrets/` for `**` + `/secrets/` + `**`: at the start of the path... */
  start: string
  /** ...or `/secrets/` further in. */
  middle: string
}

const SEGMENT_WILDCARD = /[*?]/
// Anything here is left to minimatch: classes, escapes, extglobs, unexpanded braces.
const UNTRANSLATED = /[[\]\\(){}]/

class CompiledGlobRules implements GlobRuleIndex {
  readonly exact = new Map<string, Entry[]>()
  /** `dir/**` globs, by the first segment of `dir`: one lookup per path, no slicing. */
  readonly under = new Map<string, (Entry & { prefix: string })[]>()
  readonly everything: Entry[] = []
  readonly namesByLiteral = new Map<string, NameEntry[]>()
  readonly namesByExtension = new Map<string, NameEntry[]>()
  readonly namesAnywhere: NameEntry[] = []
  readonly containing: ContainingEntry[] = []
  /** One test for "could any `containing` entry match", true for few paths in practice. */
  containingFilter: RegExp | undefined
  readonly regexByFirstSegment = new Map<string, RegexEntry[]>()
  readonly regexAnywhere: RegexEntry[] = []
  readonly minimatchFallbacks: (Entry & { matcher: Minimatch })[] = []
  /** Every glob, for paths that are not in canonical form; compiled only if one comes. */
  readonly allGlobs: Entry[] = []
  private allMatchers: (Entry & { matcher: Minimatch })[] | undefined
  private readonly seen: Int32Array
  private readonly matchedGlob: string[]
  private stamp = 0
  private found: number[] = []

  constructor(readonly ruleCount: number) {
    this.seen = new Int32Array(ruleCount)
    this.matchedGlob = new Array<string>(ruleCount).fill('')
  }

  globThatMatched(rule: number): string | undefined {
    return this.seen[rule] === this.stamp ? this.matchedGlob[rule] : undefined
  }

  matchingRules(path: string): number[] {
    this.found = []
    const stamp = this.nextStamp()
    const seen = this.seen
    if (!isCanonicalPath(path)) {
      // GitHub never reports such paths; if one arrives, let minimatch decide as written.
      for (const entry of this.allGlobMatchers()) if (seen[entry.rule] !== stamp && entry.matcher.match(path)) this.mark(entry)
      return this.found
    }
    for (const entry of this.everything) this.mark(entry)
    const exact = this.exact.get(path)
    if (exact) for (const entry of exact) this.mark(entry)
    const firstSlash = path.indexOf('/')
    const first = firstSlash < 0 ? path : path.slice(0, firstSlash)
    if (firstSlash >= 0) {
      const under = this.under.get(first)
      if (under) for (const entry of under) if (seen[entry.rule] !== stamp && path.startsWith(entry.prefix)) this.mark(entry)
    }
    const name = firstSlash < 0 ? path : path.slice(path.lastIndexOf('/') + 1)
    const literal = this.namesByLiteral.get(name)
    if (literal) for (const entry of literal) if (seen[entry.rule] !== stamp && path.startsWith(entry.under)) this.mark(entry)
    const dot = name.lastIndexOf('.')
    if (dot >= 0) {
      const byExtension = this.namesByExtension.get(name.slice(dot + 1))
      if (byExtension) for (const entry of byExtension) if (seen[entry.rule] !== stamp && nameMatches(entry, path, name)) this.mark(entry)
    }
    for (const entry of this.namesAnywhere) if (seen[entry.rule] !== stamp && nameMatches(entry, path, name)) this.mark(entry)
    if (this.containingFilter?.test(path)) {
      for (const entry of this.containing) if (seen[entry.rule] !== stamp && (path.startsWith(entry.start) || path.includes(entry.middle))) this.mark(entry)
    }
    const byFirst = this.regexByFirstSegment.get(first)
    if (byFirst) for (const entry of byFirst) if (seen[entry.rule] !== stamp && path.includes(entry.needs) && entry.re.test(path)) this.mark(entry)
    for (const entry of this.regexAnywhere) if (seen[entry.rule] !== stamp && path.includes(entry.needs) && entry.re.test(path)) this.mark(entry)
    for (const entry of this.minimatchFallbacks) if (seen[entry.rule] !== stamp && entry.matcher.match(path)) this.mark(entry)
    return this.found
  }

  private mark(entry: Entry): void {
    if (this.seen[entry.rule] === this.stamp) return
    this.seen[entry.rule] = this.stamp
    this.matchedGlob[entry.rule] = entry.glob
    this.found.push(entry.rule)
  }

  private allGlobMatchers(): (Entry & { matcher: Minimatch })[] {
    this.allMatchers ??= this.allGlobs.flatMap((entry) => {
      try {
        return [{ ...entry, matcher: new Minimatch(entry.glob, GLOB_OPTIONS) }]
      } catch {
        return []
      }
    })
    return this.allMatchers
  }

  private nextStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.seen.fill(0)
      this.stamp = 0
    }
    return ++this.stamp
  }
}

function nameMatches(entry: NameEntry, path: string, name: string): boolean {
  if (!path.startsWith(entry.under)) return false
  const test = entry.name
  if (test.kind === 'literal') return test.text === name
  if (test.kind === 'affix') return name.length >= test.prefix.length + test.suffix.length && name.startsWith(test.prefix) && name.endsWith(test.suffix)
  return test.re.test(name)
}

/** Compiles each rule's globs once; `matchingRules` then answers per path. */
export function compileGlobRules(rules: readonly (readonly string[])[]): GlobRuleIndex {
  const index = new CompiledGlobRules(rules.length)
  rules.forEach((globs, rule) => {
    for (const glob of globs) addGlob(index, rule, glob)
  })
  if (index.containing.length > 0) {
    const folders = [...new Set(index.containing.map((entry) => escapeRegExp(entry.start)))]
    index.containingFilter = new RegExp(`(?:^|/)(?:${folders.join('|')})`)
  }
  return index
}

/** A single list of globs as one predicate. */
export function compileGlobList(globs: readonly string[]): (path: string) => boolean {
  const index = compileGlobRules([globs])
  return (path) => index.matchingRules(path).length > 0
}

type Segment = { kind: 'literal'; text: string } | { kind: 'wildcard'; text: string } | { kind: 'globstar' }

function addGlob(index: CompiledGlobRules, rule: number, glob: string): void {
  index.allGlobs.push({ rule, glob })
  let expansions: string[] | undefined
  try {
    // Most globs have no braces; braceExpand is only worth its cost for those that do.
    expansions = glob.includes('{') ? braceExpand(glob, GLOB_OPTIONS) : [glob]
  } catch {
    expansions = undefined
  }
  const shapes = expansions !== undefined && expansions.length <= MAX_GLOB_EXPANSIONS && !glob.startsWith('#') && !glob.startsWith('!') ? expansions.map(segmentsOf) : [undefined]
  if (shapes.every((segments) => segments !== undefined)) {
    for (const segments of shapes as Segment[][]) addShape(index, { rule, glob }, segments)
    return
  }
  try {
    index.minimatchFallbacks.push({ rule, glob, matcher: new Minimatch(glob, GLOB_OPTIONS) })
  } catch {
    // parsePolicy rejects such globs; one that arrives anyway matches nothing.
  }
}

function segmentsOf(pattern: string): Segment[] | undefined {
  if (pattern === '') return undefined
  const segments: Segment[] = []
  for (const text of pattern.split('/')) {
    if (text === '' || text === '.' || text === '..' || UNTRANSLATED.test(text)) return undefined
    if (text === '**') segments.push({ kind: 'globstar' })
    else if (text.includes('**')) return undefined
    else segments.push(SEGMENT_WILDCARD.test(text) ? { kind: 'wildcard', text } : { kind: 'literal', text })
  }
  return segments
}

function addShape(index: CompiledGlobRules, glob: Entry, segments: Segment[]): void {
  const literalHead: string[] = []
  let i = 0
  for (; i < segments.length; i++) {
    const segment = segments[i] as Segment
    if (segment.kind !== 'literal') break
    literalHead.push(segment.text)
  }
  const rest = segments.slice(i)
  const head = literalHead.join('/')
  if (rest.length === 0) return pushEntry(index.exact, head, glob)
  if (rest.length === 1 && rest[0]?.kind === 'globstar') {
    // `dir/**` matches anything strictly under dir; `**` alone matches every path.
    if (head === '') index.everything.push(glob)
    else pushEntry(index.under, literalHead[0] as string, { ...glob, prefix: `${head}/` })
    return
  }
  const last = rest[1]
  if (rest.length === 2 && rest[0]?.kind === 'globstar' && last && last.kind !== 'globstar') {
    const entry: NameEntry = { ...glob, under: head === '' ? '' : `${head}/`, name: nameTest(last) }
    if (last.kind === 'literal') return pushEntry(index.namesByLiteral, last.text, entry)
    const extension = literalExtension(last.text)
    if (extension !== undefined) pushEntry(index.namesByExtension, extension, entry)
    else index.namesAnywhere.push(entry)
    return
  }
  if (head === '' && rest.length >= 3 && rest[0]?.kind === 'globstar' && rest[rest.length - 1]?.kind === 'globstar' && rest.slice(1, -1).every((segment) => segment.kind === 'literal')) {
    // `**/secrets/**`: the folder anywhere, with something under it.
    const folders = rest.slice(1, -1).map((segment) => (segment.kind === 'literal' ? segment.text : '')).join('/')
    index.containing.push({ ...glob, start: `${folders}/`, middle: `/${folders}/` })
    return
  }
  const literals = segments.flatMap((segment) => (segment.kind === 'literal' ? [segment.text] : []))
  const needs = literals.reduce((longest, text) => (text.length > longest.length ? text : longest), '')
  const entry: RegexEntry = { ...glob, re: globRegExp(segments), needs }
  const first = segments[0]
  if (first?.kind === 'literal') pushEntry(index.regexByFirstSegment, first.text, entry)
  else index.regexAnywhere.push(entry)
}

function nameTest(segment: Segment): NameTest {
  if (segment.kind === 'literal') return { kind: 'literal', text: segment.text }
  if (segment.kind === 'wildcard') {
    const star = segment.text.indexOf('*')
    // One `*` and no `?`: the name starts and ends with fixed text, nothing more to check.
    if (star >= 0 && segment.text.indexOf('*', star + 1) < 0 && !segment.text.includes('?')) {
      return { kind: 'affix', prefix: segment.text.slice(0, star), suffix: segment.text.slice(star + 1) }
    }
    return { kind: 'regex', re: segmentRegExp(segment.text) }
  }
  return { kind: 'regex', re: /^[^/]+$/u }
}

/** For `*.test.ts`: `ts`, the extension every name it matches ends with. */
function literalExtension(wildcard: string): string | undefined {
  const tail = wildcard.slice(Math.max(wildcard.lastIndexOf('*'), wildcard.lastIndexOf('?')) + 1)
  const dot = tail.lastIndexOf('.')
  return dot < 0 ? undefined : tail.slice(dot + 1)
}

function segmentSource(text: string): string {
  // Only syntax characters may be escaped under the `u` flag.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, (ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : `\\${ch}`))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

function segmentRegExp(text: string): RegExp {
  // `u`: minimatch's `?` matches one code point, not one UTF-16 unit.
  return new RegExp(`^${segmentSource(text)}$`, 'u')
}

function globRegExp(segments: Segment[]): RegExp {
  let source = '^'
  segments.forEach((segment, i) => {
    const isLast = i === segments.length - 1
    if (segment.kind === 'globstar') {
      // Not last: zero or more whole folders. Last: at least one more path segment,
      // as minimatch's `dir/**` does not match `dir` itself.
      source += isLast ? '[^/]+(?:/[^/]+)*' : '(?:[^/]+/)*'
      return
    }
    source += segmentSource(segment.text)
    if (!isLast) source += '/'
  })
  return new RegExp(`${source}$`, 'u')
}

function pushEntry<T>(map: Map<string, T[]>, key: string, entry: T): void {
  const list = map.get(key)
  if (list) list.push(entry)
  else map.set(key, [entry])
}
