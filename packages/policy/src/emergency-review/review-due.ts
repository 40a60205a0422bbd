const HOUR_MS = 3_600_000

/** `review-within-hours` after the deployment. */
export function reviewDueAt(deployedAt: Date, reviewWithinHours: number): Date {
  return new Date(deployedAt.getTime() + reviewWithinHours * HOUR_MS)
}

export function isOverdue(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime()
}

/** 2026-11-24 10:00 UTC: what the issue shows, unambiguous whatever the reader's time zone. */
export function utcTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** "in 23 hours", "3 hours ago", "in 45 minutes": the due time relative to `now`. */
export function relativeTime(at: Date, now: Date): string {
  const delta = at.getTime() - now.getTime()
  const minutes = Math.round(Math.abs(delta) / 60_000)
  const amount =
    minutes < 60 ? plural(minutes, 'minute') : minutes < 48 * 60 ? plural(Math.round(minutes / 60), 'hour') : plural(Math.round(minutes / (24 * 60)), 'day')
  return delta >= 0 ? `in ${amount}` : `${amount} ago`
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`
}

/**
 * The due time of a review issue, from what cannot be edited away: the issue's body names it
 * (a hidden marker), but anyone who can edit the issue can edit that, so it never counts for
 * later than `review-within-hours` after the issue was opened (GitHub's own record; the
 * issue is opened at or after the deployment it reviews).
 */
export function trustedDueAt(written: Date | null, issueCreatedAt: Date, reviewWithinHours: number): Date {
  const latest = reviewDueAt(issueCreatedAt, reviewWithinHours)
  return written !== null && written.getTime() < latest.getTime() ? written : latest
}
