export type { RepositoryName } from './repository-name'
export type { ChangeRequestFacts, LinkedIssue } from './change-request-facts'
export type {
  ChangeRequestEvaluation,
  ChangeRequestRecord,
  DocumentKind,
  IssueCandidate,
  RecordedSection,
  SectionStatus
} from './change-request-evaluation'
export { evaluateChangeRequest } from './evaluate-change-request'
export { findSections, type FoundSection } from './markdown-sections'
export { listHeadings, type MarkdownHeading } from './markdown-headings'
export { isFilled } from './section-filled'
export { normalizeHeading } from './heading-text'
export {
  describeReference,
  MAX_ISSUE_REFERENCES,
  parseIssueReferences,
  type IssueReference,
  type IssueReferences
} from './issue-references'
export { cutText, RECORDED_SECTION_LENGTH } from './change-request-record'
export { auditChangeRequest, changeRequestRecord } from './change-request-record'
export { encodingProblem, unpairedSurrogateAt, wellFormedText } from './text-encoding'
export { EMERGENCY_CHANGE_REQUEST_NOTICE } from './evaluate-change-request'
export { checkDocumentSections, type DocumentSections } from './document-sections'
