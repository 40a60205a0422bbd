import {
  auditChangeRequest,
  EMERGENCY_CHANGE_REQUEST_NOTICE,
  type ApprovalEvaluation,
  type AuditChangeRequest,
  type ChangeRequestEvaluation
} from '@change-policy/policy'

/** require-approval's decision: the approvals and the change request, each judged on its own, as one. */
export interface ApprovalDecision {
  /** Every approval requirement met and, where the policy requires one, the change documented. */
  satisfied: boolean
  /** Each thing that stops the change, approvals' first, as instructions. */
  missing: string[]
  /** The audit record's `reasons`: what satisfied the change, or what is missing. */
  reasons: string[]
  /** Notices to raise as warnings in the log (emergencies: what is owed after deployment). */
  notices: string[]
  /** The `change-request` output: the linked issue that documents the change, or empty. */
  changeRequestOutput: string
  /** The audit record's `changeRequest`. */
  auditChangeRequest: AuditChangeRequest | null
}

export function decideApproval(approvals: ApprovalEvaluation, changeRequest: ChangeRequestEvaluation): ApprovalDecision {
  const satisfied = approvals.satisfied && changeRequest.satisfied
  const missing = [...approvals.missing, ...changeRequest.missing]
  const record = changeRequest.record
  const documented =
    record === null
      ? []
      : [
          record.documentedIn === 'issue'
            ? `change request: issue #${record.issue} (${record.title})`
            : `change request: documented in the pull request's description${changeRequest.issue ? ` (issue #${changeRequest.issue.number} linked)` : ''}`
        ]
  const owed = changeRequest.notices.filter((notice) => notice === EMERGENCY_CHANGE_REQUEST_NOTICE)
  return {
    satisfied,
    missing,
    reasons: satisfied ? [...approvals.requirements.map((r) => r.explanation), ...documented, ...approvals.notices, ...owed] : missing,
    notices: [...approvals.notices, ...owed],
    changeRequestOutput: changeRequest.issue ? String(changeRequest.issue.number) : '',
    auditChangeRequest: auditChangeRequest(record)
  }
}
