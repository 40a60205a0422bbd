import type { DocumentKind, SectionStatus } from './change-request-evaluation'
import { findSections } from './markdown-sections'
import { isFilled } from './section-filled'

export function sectionStatuses(body: string, sections: readonly string[], document: DocumentKind): SectionStatus[] {
  return findSections(body, sections).map((found) => ({
    heading: found.heading,
    document,
    found: found.found,
    filled: found.found && isFilled(found.text),
    text: found.text
  }))
}

export function allFilled(statuses: readonly SectionStatus[]): boolean {
  return statuses.every((status) => status.filled)
}

/**
 * What to do about each section that is missing or empty, naming the document: "issue #12 has
 * no text under 'Impact assessment': fill in that section".
 */
export function sectionProblems(statuses: readonly SectionStatus[], documentName: string): string[] {
  const inDescription = documentName.startsWith('pull request') ? ' of its description' : ''
  return statuses
    .filter((status) => !status.filled)
    .map((status) =>
      status.found
        ? `${documentName} has no text under '${status.heading}': fill in that section${inDescription}`
        : `${documentName} has no '${status.heading}' heading: add '### ${status.heading}' with text under it`
    )
}
