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
