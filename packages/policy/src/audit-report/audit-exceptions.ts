import type { AuditedChange, AuditException } from './audit-report-types'

/**
 * The exceptions an auditor asks about first: changes whose approvals at merge time did not
 * meet the policy (a detective control for what a missing or subverted workflow let through),
 * emergencies whose review was late, is still open past due, or never opened, and deployments
 * (merges into a deploy branch) that put an unapproved commit into production.
 */
export function auditExceptions(changes: readonly AuditedChange[]): AuditException[] {
  const found: AuditException[] = []
  for (const change of changes) {
    if (!change.approvedAtMerge) {
      found.push({ kind: 'unapproved-at-merge', pullRequest: change.pullRequest, detail: change.missing.join(' ') || 'its approvals did not meet the policy at merge time' })
      found.push({
        kind: 'unapproved-deployment',
        pullRequest: change.pullRequest,
        detail: `the deployment of ${change.deployment.sha ?? 'its merge'} to ${change.baseRef} at ${change.deployment.at} held this unapproved change`
      })
    }
    const review = change.review
    if (review === null) continue
    if (review.status === 'completed-late') found.push({ kind: 'review-late', pullRequest: change.pullRequest, detail: `review #${review.issue} was due ${review.dueAt} and completed ${review.completedAt}` })
    if (review.status === 'overdue') found.push({ kind: 'review-open', pullRequest: change.pullRequest, detail: `review #${review.issue} was due ${review.dueAt} and is still open${review.problems.length ? ` (${review.problems.join('; ')})` : ''}` })
    if (review.status === 'missing') found.push({ kind: 'review-missing', pullRequest: change.pullRequest, detail: `no post-deployment review issue; one was due ${review.dueAt}` })
  }
  return found
}
