// Path and branch globs: one set of minimatch options for the whole product, and the
// checks that reject a glob which could never match (a rule that silently matches nothing
// is a rule that silently does not apply).
import { Minimatch, braceExpand, escape, type MinimatchOptions } from 'minimatch'

/**
 * `dot`: the contract says so (`.env`, `.github/**` must be matchable).
 * `platform`: on a Windows runner minimatch would otherwise read `\` as a separator.
 * `nocomment`/`nonegate`: a leading `#` or `!` is rejected by `globProblem` instead of
 * silently turning the glob into a comment or an inverted rule.
 */
export const GLOB_OPTIONS: Readonly<MinimatchOptions> = Object.freeze({
  dot: true,
  platform: 'linux',
  nocomment: true,
  nonegate: true
})

/** Beyond this many brace expansions a glob is almost certainly a mistake, and slow. */
export const MAX_GLOB_EXPANSIONS = 256
const MAX_GLOB_LENGTH = 1024

export interface GlobProblem {
  message: string
  fix: string
}

/** Why `glob` can never match a repository path (or branch), or undefined when it can. */
export function globProblem(glob: string): GlobProblem | undefined {
  if (glob.trim() === '') return { message: 'is empty', fix: 'Write a path glob such as `docs/**`, or remove the entry.' }
  if (glob.length > MAX_GLOB_LENGTH) return { message: `is ${glob.length} characters long`, fix: `Shorten it to at most ${MAX_GLOB_LENGTH} characters.` }
  if (glob !== glob.trim()) return { message: 'starts or ends with a space', fix: 'Remove the spaces around the glob.' }
  if (glob.startsWith('/')) return { message: 'starts with `/`, but paths are relative to the repository root', fix: `Remove the leading \`/\`: write \`${glob.replace(/^\/+/, '')}\`.` }
  if (glob.startsWith('./')) return { message: 'starts with `./`, but paths are relative to the repository root', fix: `Remove the leading \`./\`: write \`${glob.replace(/^(\.\/)+/, '')}\`.` }
  if (glob.includes('\\')) return { message: 'contains `\\`', fix: 'Separate folders with `/`; to match a special character literally, put it in brackets, e.g. `[*]`.' }
  if (glob.startsWith('!')) return { message: 'starts with `!`; negated globs are not supported', fix: 'List only the paths the rule applies to.' }
  const segments = glob.split('/')
  if (segments.includes('..')) return { message: 'contains a `..` segment, which no repository path has', fix: 'Write the path from the repository root without `..`.' }
  if (segments.includes('.')) return { message: 'contains a `.` segment, which no repository path has', fix: 'Remove the `./` from the middle of the glob.' }
  if (glob.endsWith('/')) return { message: 'ends with `/`, which a changed file\'s path never does', fix: `To match everything under it, write \`${glob}**\`.` }
  if (glob.includes('//')) return { message: 'contains `//`', fix: 'Use a single `/` between folders.' }
  let expansions: string[]
  try {
    expansions = braceExpand(glob, GLOB_OPTIONS)
    const compiled = new Minimatch(glob, GLOB_OPTIONS)
    if (compiled.empty || compiled.set.length === 0) return { message: 'matches nothing', fix: 'Check the glob syntax.' }
  } catch (error) {
    return { message: `cannot be compiled (${error instanceof Error ? error.message : String(error)})`, fix: 'Check the glob syntax: brackets and braces must be balanced.' }
  }
  if (expansions.length > MAX_GLOB_EXPANSIONS) return { message: `expands to ${expansions.length} patterns`, fix: `Simplify the braces so that it expands to at most ${MAX_GLOB_EXPANSIONS}.` }
  return undefined
}

/** Turns a literal path into a glob that matches exactly that path. */
export function literalGlob(path: string): string {
  return escape(path, { magicalBraces: true })
}

/** A repository path as GitHub reports it: relative, `/`-separated, no empty or dot segments. */
export function isCanonicalPath(path: string): boolean {
  // Called once per changed file and rule set: no allocation on the common path.
  return path !== '' && path.charCodeAt(0) !== 47 && path.charCodeAt(path.length - 1) !== 47 && !path.includes('//') && !DOT_SEGMENT.test(path)
}

const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/
