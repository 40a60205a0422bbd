import { checkDocumentSections } from '../change-request'
import { APPROVAL_ITEM } from './review-issue-content'

export interface ReviewCompletionFacts {
  issue: number
  body: string
  /** Who closed the issue last (from its events); null when GitHub does not say. */
  closedBy: string | null
  pullRequestAuthor: string
  /** Whether `closedBy` may review under `emergency.reviewers` (or has write access when none are listed). */
  closerMayReview: boolean
  /** What `closerMayReview` was judged against, for the message. */
  reviewersDescription: string
  sections: readonly string[]
}

export interface ReviewCompletion {
  complete: boolean
  /** Why it is not complete, one sentence each. */
  problems: string[]
}

const TICKED_APPROVAL = new RegExp(`^[ \\t]{0,3}(?:[-+*]|\\d{1,9}[.)])[ \\t]+\\[[xX]\\][ \\t]+(?:\\*\\*)?${APPROVAL_ITEM}\\b`, 'm')

/** Whether the checklist's approval item is ticked. */
export function approvalTicked(body: string): boolean {
  return TICKED_APPROVAL.test(body)
}

/**
 * A closed review issue is a completed review only when a reviewer other than the author of
 * the change closed it, approved it retroactively and documented the change request in it:
 * closing it is otherwise a way to make an emergency's review disappear.
 */
export function evaluateReviewCompletion(facts: ReviewCompletionFacts): ReviewCompletion {
  const problems: string[] = []
  const closer = facts.closedBy
  if (closer === null) problems.push('GitHub does not say who closed it')
  else if (closer.toLowerCase() === facts.pullRequestAuthor.toLowerCase()) problems.push(`it was closed by @${closer}, the author of the change, who cannot review their own emergency`)
  else if (!facts.closerMayReview) problems.push(`it was closed by @${closer}, who is not among the reviewers (${facts.reviewersDescription})`)
  if (!approvalTicked(facts.body)) problems.push(`the checklist item '${APPROVAL_ITEM}' is not ticked`)
  problems.push(...checkDocumentSections(facts.body, facts.sections, 'issue', `issue #${facts.issue}`).problems)
  return { complete: problems.length === 0, problems }
}
