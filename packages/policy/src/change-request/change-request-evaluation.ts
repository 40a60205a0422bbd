import type { ChangeType } from '../types'
import type { LinkedIssue } from './change-request-facts'

export type DocumentKind = 'issue' | 'pull-request'

export interface SectionStatus {
  heading: string
  /** Where it was looked for. */
  document: DocumentKind
  found: boolean
  filled: boolean
  /** The section's text as written, '' when absent. */
  text: string
}

/** One linked issue and whether it can be the change request, whatever its sections say. */
export interface IssueCandidate {
  issue: LinkedIssue
  /** Readable, an issue (not a pull request), of this repository, labelled as the policy asks. */
  counts: boolean
  /** What to do about each reason it does not count; empty when it counts. */
  problems: string[]
  /** Its own sections; empty when they cannot be read (see `hasReadableSections`) or sections are not read from issues. */
  sections: SectionStatus[]
}

export interface RecordedSection {
  heading: string
  text: string
  /** True when the text was cut to fit the record. */
  cut: boolean
}

/** The change's justification as the audit record carries it (`changeRequest`). */
export interface ChangeRequestRecord {
  issue: number
  title: string
  /** Where the sections were read: the issue, or the pull request's description. */
  documentedIn: DocumentKind
  /** The section named like "Justification", null when the policy asks for none so named. */
  justification: string | null
  /** The section named like "Impact…", null when the policy asks for none so named. */
  impact: string | null
  sections: RecordedSection[]
}

export interface ChangeRequestEvaluation {
  changeType: ChangeType
  /** Whether the policy requires a change request before this change type is merged. */
  required: boolean
  satisfied: boolean
  /** The linked issue that is the change request; null when none qualifies. */
  issue: LinkedIssue | null
  /** Where the sections were found or looked for. */
  sections: SectionStatus[]
  candidates: IssueCandidate[]
  /** What blocks the change, each phrased as what to do; empty when satisfied. */
  missing: string[]
  /** What a reader must know even when nothing is missing. */
  notices: string[]
  /** Emergency changes: the justification is owed in the post-deployment review. */
  owedInPostDeploymentReview: boolean
  /** For the audit record; null when no documented change request was found. */
  record: ChangeRequestRecord | null
}
