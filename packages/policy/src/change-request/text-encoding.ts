// GitHub's JSON can carry `\ud800`-style escapes that decode to half of a UTF-16 surrogate
// pair: text that has no UTF-8 encoding at all. Such a body cannot be quoted faithfully in a
// summary or an audit record, so it is reported, never silently repaired into a pass.

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The index of the first unpaired surrogate in `text`, or -1 when it is valid Unicode (and so has a UTF-8 encoding). */
export function unpairedSurrogateAt(text: string): number {
  const match = UNPAIRED_SURROGATE.exec(text)
  return match ? match.index : -1
}

/** `text` with each unpaired surrogate replaced by U+FFFD, as a UTF-8 encoder would write it. */
export function wellFormedText(text: string): string {
  return text.replace(new RegExp(UNPAIRED_SURROGATE.source, 'g'), '\uFFFD')
}

/**
 * Why `text` cannot be read as UTF-8, for a message ("not valid UTF-8 text: an unpaired
 * surrogate U+D800 at character 58"); null when it can.
 */
export function encodingProblem(text: string): string | null {
  const at = unpairedSurrogateAt(text)
  if (at === -1) return null
  const code = text.charCodeAt(at).toString(16).toUpperCase()
  return `not valid UTF-8 text: an unpaired surrogate U+${code} at character ${at + 1}`
}
