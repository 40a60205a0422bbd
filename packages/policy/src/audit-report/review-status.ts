import type { EmergencyReviewEvidence } from './audit-report-types'

/**
 * Where an emergency's review stands at `now`: completed (on time or late), open (before or
 * after its due time), or missing (no review issue at all).
 */
export function reviewStatus(input: { issue: number | null; dueAt: Date; completedAt: Date | null; now: Date; problems: string[] }): EmergencyReviewEvidence {
  const base = { issue: input.issue, dueAt: input.dueAt.toISOString(), completedAt: input.completedAt?.toISOString() ?? null, problems: input.problems }
  if (input.issue === null) return { ...base, status: 'missing' }
  if (input.completedAt !== null) return { ...base, status: input.completedAt.getTime() > input.dueAt.getTime() ? 'completed-late' : 'completed' }
  return { ...base, status: input.now.getTime() > input.dueAt.getTime() ? 'overdue' : 'open' }
}
