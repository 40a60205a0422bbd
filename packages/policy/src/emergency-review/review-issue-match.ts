import { isMarkedDuplicate, markedPullRequest } from './review-markers'

export interface ReviewIssueCandidate {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  labels: string[]
}

/**
 * Whether `issue` is the review of pull request `pr`: its marker says so, or (a body edited
 * by hand that lost the marker) it links the pull request and names it in its title or
 * carries a review label. An issue a concurrent run set aside as a duplicate never counts.
 */
export function isReviewIssueOf(issue: ReviewIssueCandidate, pr: { number: number; url: string }, reviewLabels: readonly string[]): boolean {
  if (isMarkedDuplicate(issue.body)) return false
  const marked = markedPullRequest(issue.body)
  if (marked !== null) return marked === pr.number
  if (!linksPullRequest(issue.body, pr.url)) return false
  const labels = issue.labels.map((l) => l.toLowerCase())
  return new RegExp(`#${pr.number}(?!\\d)`).test(issue.title) || reviewLabels.some((l) => labels.includes(l.toLowerCase()))
}

function linksPullRequest(body: string, url: string): boolean {
  const at = body.indexOf(url)
  // `…/pull/12` must not match `…/pull/123`.
  return at >= 0 && !/^\d/.test(body.slice(at + url.length))
}

/**
 * Which of the review issues of one pull request stands. The oldest (lowest number): every
 * run, however many ran at once, agrees on it, so a run that opened a later one closes its own.
 */
export function standingReviewIssue<T extends { number: number }>(matches: readonly T[]): T | undefined {
  return [...matches].sort((a, b) => a.number - b.number)[0]
}

/**
 * Which pull request an issue is the review of, or null: its marker, else (marker edited
 * away) a link to one of the repository's pull requests that its title names too.
 */
export function reviewedPullRequestNumber(issue: ReviewIssueCandidate, repositoryWebUrl: string, reviewLabels: readonly string[]): number | null {
  if (isMarkedDuplicate(issue.body)) return null
  const marked = markedPullRequest(issue.body)
  if (marked !== null) return marked
  const prefix = `${repositoryWebUrl}/pull/`
  for (let at = issue.body.indexOf(prefix); at >= 0; at = issue.body.indexOf(prefix, at + 1)) {
    const digits = /^\d+/.exec(issue.body.slice(at + prefix.length))
    if (digits && isReviewIssueOf(issue, { number: Number(digits[0]), url: `${prefix}${digits[0]}` }, reviewLabels)) return Number(digits[0])
  }
  return null
}
