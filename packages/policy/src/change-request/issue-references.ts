import { maskMarkdown } from './markdown-masking'
import { repositoryPath, sameRepository, type RepositoryName } from './repository-name'

/** At most this many linked issues are read: each is an API request, and a body is the author's to fill. */
export const MAX_ISSUE_REFERENCES = 10

export interface IssueReference {
  owner: string
  name: string
  number: number
  /** Written as `…/pull/12`. A `#12` may also turn out to be a pull request: only reading it tells. */
  isPullRequest: boolean
  /** Refers to a repository other than the pull request's. */
  crossRepository: boolean
  /** Preceded by a closing keyword (closes, fixes, resolves…) at least once. */
  closing: boolean
  /** The reference as first written, e.g. "acme/app#12". */
  text: string
}

export interface IssueReferences {
  /** Unique references, this repository's first, each group in the order written; at most MAX_ISSUE_REFERENCES. */
  references: IssueReference[]
  /** How many unique references were left out by the cap. */
  skipped: number
  truncated: boolean
}

const OWNER = '[A-Za-z0-9][A-Za-z0-9-]{0,38}'
const NAME = '[A-Za-z0-9._-]{1,100}'
const NUMBER = '[1-9][0-9]{0,9}'
// A reference glued to a word, a path or an HTML entity (`&#12;`) is not one.
const NOT_GLUED = '(?<![\\w/&#.-])'
const CLOSING_KEYWORD = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?[ \t]+$/i

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function referencePattern(serverUrl: string): RegExp {
  const server = escapeRegExp(serverUrl.replace(/\/+$/, '').replace(/^https?:\/\//i, ''))
  return new RegExp(
    `(?:https?://${server}/(?<urlOwner>${OWNER})/(?<urlName>${NAME})/(?<kind>issues|pull)/(?<urlNumber>${NUMBER})` +
      `|${NOT_GLUED}(?<owner>${OWNER})/(?<name>${NAME})#(?<crossNumber>${NUMBER})` +
      `|${NOT_GLUED}#(?<number>${NUMBER}))(?![\\w-])`,
    'gi'
  )
}

/**
 * The issues and pull requests a body refers to, as GitHub links them: `#12`, `owner/name#12`
 * and `<server>/owner/name/issues/12` or `/pull/12` URLs, with or without a closing keyword.
 * References inside code, fenced or inline, and inside HTML comments (where templates put
 * their examples) are not references: GitHub does not link them either.
 */
export function parseIssueReferences(body: string, repo: RepositoryName, serverUrl = 'https://github.com'): IssueReferences {
  const text = maskMarkdown(body, { fences: true, codeSpans: true }).join('\n')
  const unique = new Map<string, IssueReference>()
  for (const match of text.matchAll(referencePattern(serverUrl))) {
    const groups = match.groups ?? {}
    const owner = groups.urlOwner ?? groups.owner ?? repo.owner
    const name = groups.urlName ?? groups.name ?? repo.name
    const number = Number(groups.urlNumber ?? groups.crossNumber ?? groups.number)
    const closing = CLOSING_KEYWORD.test(text.slice(Math.max(0, match.index - 20), match.index))
    const isPullRequest = groups.kind?.toLowerCase() === 'pull'
    const key = `${owner}/${name}#${number}`.toLowerCase()
    const seen = unique.get(key)
    if (seen) {
      seen.closing ||= closing
      seen.isPullRequest ||= isPullRequest
      continue
    }
    const crossRepository = !sameRepository({ owner, name }, repo)
    unique.set(key, { owner, name, number, isPullRequest, crossRepository, closing, text: match[0] })
  }
  // This repository's references first: they are the ones that can be change requests, so a
  // long list of links elsewhere must not push them past the cap.
  const ordered = [...unique.values()].sort((a, b) => Number(a.crossRepository) - Number(b.crossRepository))
  const references = ordered.slice(0, MAX_ISSUE_REFERENCES)
  const skipped = ordered.length - references.length
  return { references, skipped, truncated: skipped > 0 }
}

/** "#12" for this repository, "owner/name#12" for another, as people write them. */
export function describeReference(reference: { owner: string; name: string; number: number }, repo: RepositoryName): string {
  return sameRepository(reference, repo) ? `#${reference.number}` : `${repositoryPath(reference)}#${reference.number}`
}
