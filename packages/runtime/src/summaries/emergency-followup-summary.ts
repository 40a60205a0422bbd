import { relativeTime, utcTime } from '@change-policy/policy'
import type { OpenedReview } from '../emergency-followup/open-review'
import type { SweepResult } from '../emergency-followup/sweep-reviews'
import { escapeMarkdown, table } from '../markdown'

export function renderOpenSummary(review: OpenedReview, pr: { number: number; title: string }, now: Date): string {
  const what = review.created ? 'opened' : 'already open'
  const lines = [
    `## Emergency follow-up: review issue #${review.issue.number} ${review.created ? 'opened' : 'found'}`,
    '',
    `Emergency change #${pr.number} (${escapeMarkdown(pr.title)}): its post-deployment review is issue #${review.issue.number} (${what}), ` +
      `due ${utcTime(review.dueAt)} (${relativeTime(review.dueAt, now)}).`
  ]
  if (review.setAside.length > 0) lines.push('', `Another run opened the same review at once; this run's issue ${review.setAside.map((n) => `#${n}`).join(', ')} was closed as a duplicate.`)
  return `${lines.join('\n')}\n`
}

export function renderSweepSummary(result: SweepResult, now: Date): string {
  const lines = [`## Emergency follow-up: ${result.overdue.length} overdue review${result.overdue.length === 1 ? '' : 's'}`, '', `Checked ${result.checked} review issues.`]
  if (result.overdue.length > 0) {
    lines.push('', table(['issue', 'change', 'due', 'escalated now'], result.overdue.map((o) => [`#${o.issue}`, `#${o.pullRequest}`, `${utcTime(o.dueAt)} (${relativeTime(o.dueAt, now)})`, o.escalated ? 'yes' : 'no (already)'])))
  }
  if (result.opened.length > 0) lines.push('', `Opened review issues for emergencies that had none: ${result.opened.map((o) => `#${o.issue} (for #${o.pullRequest})`).join(', ')}.`)
  for (const r of result.reopened) lines.push('', `Reopened #${r.issue} (review of #${r.pullRequest}): ${escapeMarkdown(r.problems.join('; '))}.`)
  if (result.completed.length > 0) lines.push('', `Completed reviews: ${result.completed.map((c) => `#${c.issue} (closed by @${c.closedBy})`).join(', ')}.`)
  return `${lines.join('\n')}\n`
}
