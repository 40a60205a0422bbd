// The public surface of @change-policy/policy: pure functions over plain data, no I/O.
export * from './types'

export { parsePolicy } from './parse-policy'
export type { ParsePolicyOptions, ParsePolicyResult } from './parse-policy'
export { DEFAULT_POLICY_PATH, defaultPolicy } from './defaults'

export { classify, MAX_FILES_KEPT_PER_CONTROL } from './classify'
export type {
  ChangedFile,
  Classification,
  ClassificationFacts,
  DependencyUpdate,
  EmergencyDeclaration,
  FileRef,
  FileStatus,
  LabelFact,
  MatchedControl,
  Permission,
  Requirement,
  StandardPathMatches
} from './classification-types'
export type { DependencyRuleOutcome } from './dependency-rule'
export { emergencyCandidates } from './emergency-candidates'
export type { EmergencyCandidates } from './emergency-candidates'

export { parseDependencyUpdates } from './dependency-updates'
export type { DependencyUpdateTexts } from './dependency-updates'
export { semverLevel } from './semver-level'

export { compileGlobList } from './glob-index'
export { GLOB_OPTIONS, globProblem } from './globs'

export { AUDIT_SCHEMA, buildAuditRecord, serializeAuditRecord } from './audit-record'
export type { AuditAction, AuditApproval, AuditChangeRequest, AuditCheck, AuditPolicyRef, AuditRecord, AuditRecordInput } from './audit-record'

// approvals and change requests are exported below
export * from './approvals'
export * from './change-request'
export * from './emergency-review'
export { isDeployBranch } from './deploy-branches'
export * from './audit-report'
export * from './deploy'

export * from './credentials'
