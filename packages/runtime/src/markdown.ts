// The job summary is GitHub-flavoured Markdown that also renders HTML, and much of what we
// put in it (file names, labels, titles, reasons quoting them) comes from the pull request.

/** Text from a pull request, safe in a Markdown paragraph or list item. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))
    .replace(/([\\`*_[\]|#~])/g, '\\$1')
}

/** A code span that survives any content, backticks included (a table escapes its pipes: see table()). */
export function code(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`
}

/**
 * A GFM table. A pipe in a cell ends the cell even inside a code span, so every pipe not
 * already escaped is escaped here; outside a table the same `\|` would show its backslash
 * inside a code span, which is why code() leaves pipes alone.
 */
export function table(header: string[], rows: string[][]): string {
  const cell = (c: string) => c.replace(/\n/g, ' ').replace(/(?<!\\)\|/g, '\\|')
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** A collapsible block, for lists that can run to thousands of lines. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}
