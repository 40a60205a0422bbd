import { normalizeHeading } from './heading-text'
import { listHeadings, type MarkdownHeading } from './markdown-headings'
import { markdownLines } from './markdown-masking'
import { isFilled } from './section-filled'

export interface FoundSection {
  /** The heading as asked for. */
  heading: string
  found: boolean
  /** The heading as written in the body; null when not found. */
  title: string | null
  level: number | null
  /** 0-based line of the heading in the body; null when not found. */
  line: number | null
  /** Its text up to the next heading of the same or a higher level, trimmed; '' when not found. */
  text: string
}

/**
 * Each of `headings` in `body`, in the order asked. A heading written more than once gives
 * its first occurrence with text that is filled in, else its first: a template quoted
 * further down must not hide the answer above it, nor the other way round.
 */
export function findSections(body: string, headings: readonly string[]): FoundSection[] {
  const lines = markdownLines(body)
  const all = listHeadings(body)
  return headings.map((heading) => {
    const wanted = normalizeHeading(heading)
    const matches = wanted === '' ? [] : all.filter((candidate) => normalizeHeading(candidate.text) === wanted)
    const sections = matches.map((match) => ({ match, text: sectionText(match, all, lines) }))
    const chosen = sections.find((section) => isFilled(section.text)) ?? sections[0]
    if (!chosen) return { heading, found: false, title: null, level: null, line: null, text: '' }
    return { heading, found: true, title: chosen.match.text, level: chosen.match.level, line: chosen.match.line, text: chosen.text }
  })
}

function sectionText(heading: MarkdownHeading, all: readonly MarkdownHeading[], lines: readonly string[]): string {
  const next = all.find((other) => other.line > heading.endLine && other.level <= heading.level)
  return lines.slice(heading.endLine + 1, next ? next.line : lines.length).join('\n').trim()
}
