// The lines a pull request adds, read from the `patch` GitHub gives for each file in its
// files listing (a unified diff of the file's hunks), with their line numbers in the head.
// Only added lines are scanned: a key that is already on the base branch is not this
// change's doing, and a removed line is the fix, not the leak.

export interface AddedLine {
  /** 1-based line number in the head version of the file. */
  line: number
  text: string
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/

/** Every `+` line of every hunk in `patch`, with its head line number. */
export function addedLines(patch: string): AddedLine[] {
  const added: AddedLine[] = []
  let next = 0
  let inHunk = false
  for (const raw of patch.split('\n')) {
    const header = HUNK_HEADER.exec(raw)
    if (header) {
      next = Number(header[1])
      inHunk = true
      continue
    }
    if (!inHunk) continue
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const marker = line.charAt(0)
    if (marker === '+') {
      added.push({ line: next, text: line.slice(1) })
      next++
    } else if (marker === ' ' || (marker === '' && raw !== '')) {
      next++
    } else if (marker === '-' || marker === '\\') {
      // A removed line, or "\ No newline at end of file": neither is in the head.
    }
  }
  return added
}

/**
 * The added lines as one text to scan, and the head line number of each of its lines.
 * Consecutive added lines stay together, so that a private key block pasted as a whole is
 * seen as one block; a gap in the head's numbering becomes an empty line, so that a
 * multi-line pattern never joins text that is not adjacent in the file.
 */
export function scanTextOf(lines: readonly AddedLine[]): { text: string; headLine: (scanLine: number) => number } {
  const parts: string[] = []
  const numbers: number[] = []
  let previous: number | undefined
  for (const { line, text } of lines) {
    if (previous !== undefined && line !== previous + 1) {
      parts.push('')
      numbers.push(previous + 1)
    }
    parts.push(text)
    numbers.push(line)
    previous = line
  }
  return { text: parts.join('\n'), headLine: (scanLine) => numbers[scanLine - 1] ?? scanLine }
}
