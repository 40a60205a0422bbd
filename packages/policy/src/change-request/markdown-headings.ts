import { maskMarkdown } from './markdown-masking'

export interface MarkdownHeading {
  /** 1..6; setext `===` is 1, `---` is 2. */
  level: number
  /** The heading's text as written, closing #s removed. */
  text: string
  /** 0-based index of the heading's first line. */
  line: number
  /** 0-based index of its last line (a setext heading's underline). */
  endLine: number
}

const ATX_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/
// Lines that open a block whose text cannot become a setext heading's content.
const LIST_OR_QUOTE = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^ {0,3}>/
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/

/**
 * The ATX and setext headings a reader sees, in order. Headings inside fenced code or HTML
 * comments are not headings: an issue template's example must not count as filled in.
 */
export function listHeadings(body: string): MarkdownHeading[] {
  const lines = maskMarkdown(body, { fences: true, codeSpans: false })
  const headings: MarkdownHeading[] = []
  let paragraphStart: number | null = null
  // Inside a list item or quote until the next blank line: its lines are not a paragraph.
  let inListOrQuote = false

  lines.forEach((line, index) => {
    if (line.trim() === '') {
      paragraphStart = null
      inListOrQuote = false
      return
    }
    const atx = ATX_OPEN.exec(line)
    if (atx) {
      const text = withoutClosingSequence(line.slice(atx[0].length).trim())
      headings.push({ level: atx[1]!.length, text, line: index, endLine: index })
      paragraphStart = null
      return
    }
    const underline = SETEXT_UNDERLINE.exec(line)
    if (underline && paragraphStart !== null) {
      const text = lines.slice(paragraphStart, index).map((l) => l.trim()).join(' ')
      headings.push({ level: underline[1]!.startsWith('=') ? 1 : 2, text, line: paragraphStart, endLine: index })
      paragraphStart = null
      return
    }
    if (THEMATIC_BREAK.test(line)) {
      paragraphStart = null
      return
    }
    if (LIST_OR_QUOTE.test(line)) {
      inListOrQuote = true
      paragraphStart = null
      return
    }
    // Four spaces of indent start a code block, not a paragraph; they only continue one.
    if (paragraphStart === null && !inListOrQuote && !/^(?: {4}|\t)/.test(line)) paragraphStart = index
  })
  return headings
}

/**
 * "Title ##" is "Title"; "C#" stays. A loop, not `/[ \t]+#+$/`: that backtracks
 * quadratically over a long line of spaces, and the body is the author's to write.
 */
function withoutClosingSequence(text: string): string {
  let start = text.length
  while (start > 0 && text[start - 1] === '#') start -= 1
  if (start === text.length) return text
  if (start === 0) return ''
  const before = text[start - 1]
  return before === ' ' || before === '\t' ? text.slice(0, start).trim() : text
}
