// What a reader of the rendered Markdown does not see as prose: HTML comments (issue
// templates put their prompts in them), and optionally fenced code and code spans. Masking
// keeps every line's length so that what is found in the masked text is where it was written.

export interface MaskOptions {
  /** Blank fenced code blocks, fences included. */
  fences: boolean
  /** Blank inline code spans. */
  codeSpans: boolean
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/

export function markdownLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n')
}

function blank(text: string): string {
  return ' '.repeat(text.length)
}

/**
 * The body's lines with HTML comments (also those spanning lines) replaced by spaces, and
 * fenced code and code spans too as `options` says. Fences are recognised whether or not
 * they are blanked, so a comment marker inside code never hides what follows. A fence that
 * is never closed runs to the end, as CommonMark has it. Code spans are matched within a
 * line only: a stray backtick must not hide the rest of a long body.
 */
export function maskMarkdown(text: string, options: MaskOptions): string[] {
  const masked: string[] = []
  let fence: { char: string; length: number } | null = null
  let inComment = false
  for (const line of markdownLines(text)) {
    if (fence) {
      if (closesFence(line, fence)) fence = null
      masked.push(options.fences ? blank(line) : line)
      continue
    }
    const open = inComment ? null : FENCE_OPEN.exec(line)
    // A backtick fence's info string cannot hold a backtick: ```a``` is a code span.
    if (open && !(open[1]!.startsWith('`') && line.slice(open[0].length).includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length }
      masked.push(options.fences ? blank(line) : line)
      continue
    }
    const scanned = maskInline(line, inComment, options.codeSpans)
    inComment = scanned.inComment
    masked.push(scanned.line)
  }
  return masked
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line)
  return match !== null && match[1]![0] === fence.char && match[1]!.length >= fence.length
}

function maskInline(line: string, startsInComment: boolean, codeSpans: boolean): { line: string; inComment: boolean } {
  let out = ''
  let i = 0
  if (startsInComment) {
    const end = line.indexOf('-->')
    if (end < 0) return { line: blank(line), inComment: true }
    out = blank(line.slice(0, end + 3))
    i = end + 3
  }
  while (i < line.length) {
    if (line[i] === '`') {
      const run = backtickRun(line, i)
      const close = closingRun(line, i + run, run)
      if (close < 0) {
        out += line.slice(i, i + run)
        i += run
      } else {
        out += codeSpans ? blank(line.slice(i, close + run)) : line.slice(i, close + run)
        i = close + run
      }
    } else if (line.startsWith('<!--', i)) {
      // `<!-->` and `<!--->` close themselves, as CommonMark reads them.
      const end = line.indexOf('-->', i + 2)
      if (end < 0) return { line: out + blank(line.slice(i)), inComment: true }
      out += blank(line.slice(i, end + 3))
      i = end + 3
    } else {
      out += line[i]
      i += 1
    }
  }
  return { line: out, inComment: false }
}

function backtickRun(line: string, start: number): number {
  let end = start
  while (line[end] === '`') end += 1
  return end - start
}

/** Where the next run of exactly `length` backticks starts, or -1. */
function closingRun(line: string, from: number, length: number): number {
  let i = line.indexOf('`', from)
  while (i >= 0) {
    const run = backtickRun(line, i)
    if (run === length) return i
    i = line.indexOf('`', i + run)
  }
  return -1
}
