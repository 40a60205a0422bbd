import { maskMarkdown } from './markdown-masking'

const UNTICKED_ITEM = /^(?:[-+*]|\d{1,9}[.)])[ \t]+\[ \]/
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/

/**
 * What people leave in a section they did not fill in. Compared with the whole of the
 * section, case and emphasis ignored: "_No response_" is what GitHub issue forms write for
 * an empty field; TODO, TBD, TBC, FIXME and N/A promise or refuse an answer without giving
 * one. "None" is deliberately not here: "Impact assessment: none" is an answer an auditor
 * can judge.
 */
const PLACEHOLDERS = new Set(['no response', 'todo', 'tbd', 'tbc', 'fixme', 'n/a', 'na', 'n.a'])

/**
 * Whether a section's text says anything. Not filled: empty or only whitespace; only HTML
 * comments (a template's prompt); only an unticked checklist; only headings (sub-sections
 * with nothing under them); nothing but punctuation; a placeholder from PLACEHOLDERS; or a
 * bracketed prompt left as is, like "<describe the impact>". Text in code blocks counts.
 */
export function isFilled(text: string): boolean {
  const lines = maskMarkdown(text, { fences: false, codeSpans: false })
    .map((line) => line.trim())
    .filter((line) => line !== '' && !UNTICKED_ITEM.test(line) && !ATX_HEADING.test(line))
  const content = lines.join(' ')
  if (!/[\p{L}\p{N}]/u.test(content)) return false
  // Placeholders are short; longer text is an answer. The bound also keeps the checks below
  // cheap on a long section.
  if (content.length > PLACEHOLDER_LENGTH) return true
  if (isBracketedPrompt(content)) return false
  const bare = content
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    .replace(/[\s.:!]+$/, '')
    .trim()
  return !PLACEHOLDERS.has(bare)
}

const PLACEHOLDER_LENGTH = 200

/** "<describe the impact>": angle brackets around words, left as the template wrote them. */
function isBracketedPrompt(content: string): boolean {
  const inner = content.slice(1, -1)
  return content.startsWith('<') && content.endsWith('>') && !/[<>]/.test(inner) && /\s/.test(inner)
}
