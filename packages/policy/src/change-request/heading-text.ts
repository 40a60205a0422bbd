const WORD_CHAR = /^[\p{L}\p{N}]$/u

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char)
}

/**
 * A heading as compared with the policy's section names: case, surrounding whitespace and
 * punctuation, and emphasis ignored, so that "## **Impact assessment:**" is the section
 * "Impact assessment". Punctuation inside stays: "Risk (rollback)" is not "Risk".
 *
 * Written as loops rather than end-anchored regular expressions: the body is the author's,
 * and a 64 KiB heading of punctuation must not take seconds to backtrack through.
 */
export function normalizeHeading(text: string): string {
  const chars = Array.from(text.normalize('NFKC').toLowerCase().replace(/[*`~]/g, ''))
  // An underscore run between two letters is part of a word (snake_case); elsewhere it is emphasis.
  const kept: string[] = []
  for (let i = 0; i < chars.length; ) {
    if (chars[i] !== '_') {
      kept.push(chars[i]!)
      i += 1
      continue
    }
    let end = i
    while (chars[end] === '_') end += 1
    if (isWordChar(chars[i - 1]) && isWordChar(chars[end])) kept.push(...chars.slice(i, end))
    i = end
  }
  let start = 0
  let end = kept.length
  while (start < end && !isWordChar(kept[start])) start += 1
  while (end > start && !isWordChar(kept[end - 1])) end -= 1
  return kept.slice(start, end).join('').replace(/\s+/g, ' ')
}
