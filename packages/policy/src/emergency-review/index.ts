export { APPROVAL_ITEM, CHECKLIST, renderReviewIssue, type ReviewIssueInput } from './review-issue-content'
export { isOverdue, relativeTime, reviewDueAt, trustedDueAt, utcTime } from './review-due'
export { approvalTicked, evaluateReviewCompletion, type ReviewCompletion, type ReviewCompletionFacts } from './review-completion'
export { isReviewIssueOf, reviewedPullRequestNumber, standingReviewIssue, type ReviewIssueCandidate } from './review-issue-match'
export {
  dueMarker,
  duplicateMarker,
  ESCALATION_MARKER,
  isMarkedDuplicate,
  markedDueAt,
  markedPullRequest,
  PULL_REQUEST_LINK_MARKER,
  reviewMarker
} from './review-markers'
