// Hidden HTML comments the action writes, so that it recognises its own issues and comments
// again on every run without keeping state anywhere but GitHub.

/** In the body of the one review issue of pull request `pr`. */
export function reviewMarker(pr: number): string {
  return `<!-- change-policy:emergency-review pr=${pr} -->`
}

/** When the review is due, so the sweep need not work it out again from the deployment. */
export function dueMarker(dueAt: Date): string {
  return `<!-- change-policy:emergency-review-due ${dueAt.toISOString()} -->`
}

/** Replaces the review marker in an issue a concurrent run opened second: it no longer counts. */
export function duplicateMarker(pr: number, keptIssue: number): string {
  return `<!-- change-policy:emergency-review-duplicate pr=${pr} kept=${keptIssue} -->`
}

/** In the one comment that escalates an overdue review: escalation happens once per issue. */
export const ESCALATION_MARKER = '<!-- change-policy:emergency-review-escalated -->'

/** In the comment on the pull request that links its review issue. */
export const PULL_REQUEST_LINK_MARKER = '<!-- change-policy:emergency-review-link -->'

const REVIEW_MARKER = /<!-- change-policy:emergency-review pr=(\d+) -->/
const DUE_MARKER = /<!-- change-policy:emergency-review-due (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) -->/
const DUPLICATE_MARKER = /<!-- change-policy:emergency-review-duplicate pr=\d+ kept=\d+ -->/

export function markedPullRequest(body: string): number | null {
  const match = REVIEW_MARKER.exec(body)
  return match ? Number(match[1]) : null
}

export function markedDueAt(body: string): Date | null {
  const match = DUE_MARKER.exec(body)
  return match ? new Date(match[1]!) : null
}

export function isMarkedDuplicate(body: string): boolean {
  return DUPLICATE_MARKER.test(body)
}
