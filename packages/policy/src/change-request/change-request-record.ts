import type { AuditChangeRequest } from '../audit-record'
import type { ChangeRequestRecord, DocumentKind, RecordedSection, SectionStatus } from './change-request-evaluation'
import { normalizeHeading } from './heading-text'
import { wellFormedText } from './text-encoding'

/** Per section: enough for an auditor to read the justification, small enough for an output. */
export const RECORDED_SECTION_LENGTH = 2000

const CUT_MARK = '… [cut]'

/** `text` at most `limit` characters, the cut marked; never splits a surrogate pair. */
export function cutText(text: string, limit = RECORDED_SECTION_LENGTH): { text: string; cut: boolean } {
  if (text.length <= limit) return { text, cut: false }
  let end = limit - CUT_MARK.length
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end -= 1
  return { text: text.slice(0, end).trimEnd() + CUT_MARK, cut: true }
}

/**
 * The record of what documents the change: `documented` is the linked issue, or the pull
 * request itself when its description is the change request and no issue is linked.
 */
export function changeRequestRecord(
  documented: { number: number; title: string },
  statuses: readonly SectionStatus[],
  documentedIn: DocumentKind
): ChangeRequestRecord {
  const sections: RecordedSection[] = statuses.map((status) => ({ heading: status.heading, ...cutText(status.text) }))
  return {
    issue: documented.number,
    title: wellFormedText(documented.title),
    documentedIn,
    justification: sectionNamed(sections, 'justification')?.text ?? null,
    impact: sectionNamed(sections, 'impact')?.text ?? null,
    sections
  }
}

function sectionNamed(sections: readonly RecordedSection[], prefix: string): RecordedSection | undefined {
  return sections.find((section) => normalizeHeading(section.heading).startsWith(prefix))
}

/**
 * The audit record's `changeRequest`, in the contract's shape (strings, never null). A policy
 * whose sections are named otherwise than "Justification…" and "Impact…" still leaves text
 * for the auditor: the first other section stands for the justification, the next for the
 * impact. Sections beyond those two are in the job summary, not in the record.
 */
export function auditChangeRequest(record: ChangeRequestRecord | null): AuditChangeRequest | null {
  if (record === null) return null
  const justification = sectionNamed(record.sections, 'justification')
  const impact = sectionNamed(record.sections, 'impact')
  const others = record.sections.filter((section) => section !== justification && section !== impact)
  return {
    issue: record.issue,
    title: record.title,
    justification: (justification ?? others.shift())?.text ?? '',
    impact: (impact ?? others.shift())?.text ?? ''
  }
}
