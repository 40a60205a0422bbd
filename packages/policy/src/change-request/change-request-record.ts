import type { ChangeRequestRecord, DocumentKind, RecordedSection, SectionStatus } from './change-request-evaluation'
import type { LinkedIssue } from './change-request-facts'
import { normalizeHeading } from './heading-text'

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

export function changeRequestRecord(issue: LinkedIssue, statuses: readonly SectionStatus[], documentedIn: DocumentKind): ChangeRequestRecord {
  const sections: RecordedSection[] = statuses.map((status) => ({ heading: status.heading, ...cutText(status.text) }))
  const named = (prefix: string) =>
    sections.find((section) => normalizeHeading(section.heading).startsWith(prefix))?.text ?? null
  return {
    issue: issue.number,
    title: issue.title,
    documentedIn,
    justification: named('justification'),
    impact: named('impact'),
    sections
  }
}
