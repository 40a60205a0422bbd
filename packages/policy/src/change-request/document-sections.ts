import type { DocumentKind, SectionStatus } from './change-request-evaluation'
import { requiredSections } from './required-sections'
import { allFilled, sectionProblems, sectionStatuses } from './section-statuses'

export interface DocumentSections {
  filled: boolean
  sections: SectionStatus[]
  /** One instruction per section that is missing or empty, naming the document. */
  problems: string[]
}

/**
 * The section check require-approval applies to a change request, for any one document: an
 * emergency's post-deployment review issue is held to exactly the same rule (a heading for
 * each of `change-request.sections`, with text under it that is not a placeholder).
 */
export function checkDocumentSections(body: string, sections: readonly string[], document: DocumentKind, documentName: string): DocumentSections {
  const statuses = sectionStatuses(body, requiredSections(sections).sections, document)
  return { filled: allFilled(statuses), sections: statuses, problems: sectionProblems(statuses, documentName) }
}
