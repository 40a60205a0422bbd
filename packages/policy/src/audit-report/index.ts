export type { AuditedChange, AuditException, AuditReport, EmergencyReviewEvidence, ExceptionKind, ReviewStatus } from './audit-report-types'
export { auditExceptions } from './audit-exceptions'
export { reviewStatus } from './review-status'
export { AUDIT_COLUMNS, renderAuditCsv, renderAuditJson, renderAuditMarkdown } from './render-audit-report'
