// The local command prints the job summary's content for a terminal: the same Markdown the
// actions write, read with a CommonMark + GFM parser and printed as plain text. No Markdown
// escapes (`20261125090000\_add`), tables as aligned columns, colour only when asked for
// (a TTY without NO_COLOR: see wantsColor).
import type { Root, RootContent, Table } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import type { OutputFormat } from './command-line'

export interface TerminalOptions {
  color: boolean
}

// eslint-disable-next-line no-control-regex -- an ANSI escape starts with the ESC control character
const ANSI_CODE = /\u001b\[[0-9;]*m/g
const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', reset: '\u001b[0m' }

/** https://no-color.org: any non-empty NO_COLOR turns colour off; none without a terminal. */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env['NO_COLOR']
}

class Printer {
  constructor(private readonly options: TerminalOptions) {}

  private paint(style: keyof typeof ANSI, text: string): string {
    return this.options.color && text !== '' ? `${ANSI[style]}${text}${ANSI.reset}` : text
  }

  /** Inline content as one string; `<br>` is a line break, other raw HTML is dropped. */
  inline(nodes: RootContent[]): string {
    return nodes
      .map((node): string => {
        switch (node.type) {
          case 'text':
            return node.value
          case 'inlineCode':
            return this.paint('cyan', node.value)
          case 'strong':
            return this.paint('bold', this.inline(node.children))
          case 'emphasis':
          case 'delete':
            return this.inline(node.children)
          case 'link': {
            const text = this.inline(node.children)
            return text === node.url ? text : `${text} (${node.url})`
          }
          case 'break':
            return '\n'
          case 'html':
            return /^<br\s*\/?>$/i.test(node.value) ? '\n' : ''
          default:
            return 'children' in node ? this.inline(node.children as RootContent[]) : ''
        }
      })
      .join('')
  }

  block(node: RootContent, indent: string): string[] {
    switch (node.type) {
      case 'heading': {
        const text = this.inline(node.children)
        // The top headings are underlined, as a terminal has no type sizes.
        const styled = this.paint('bold', text)
        return node.depth <= 2 ? [`${indent}${styled}`, `${indent}${'='.repeat(Math.min(text.length, 72))}`] : [`${indent}${styled}`]
      }
      case 'paragraph':
        return this.inline(node.children).split('\n').map((line) => `${indent}${line}`)
      case 'list':
        return node.children.flatMap((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- '
          const lines = item.children.flatMap((child) => this.block(child, ''))
          return lines.map((line, j) => `${indent}${j === 0 ? marker : ' '.repeat(marker.length)}${line}`)
        })
      case 'blockquote': {
        // GitHub's alerts (> [!CAUTION]) become a word in front of the text.
        const lines = node.children.flatMap((child) => this.block(child, ''))
        const alert = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/.exec(lines[0] ?? '')
        if (alert) {
          const word = alert[1] ?? ''
          const rest = [(lines[0] ?? '').slice(alert[0].length), ...lines.slice(1)].filter((line, i) => i > 0 || line !== '')
          const label = this.paint(word === 'CAUTION' || word === 'WARNING' ? 'red' : 'yellow', `${word}:`)
          return rest.map((line, i) => `${indent}${i === 0 ? `${label} ` : '  '}${line}`)
        }
        return lines.map((line) => `${indent}| ${line}`)
      }
      case 'table':
        return this.table(node).map((line) => `${indent}${line}`)
      case 'code':
        return node.value.split('\n').map((line) => `${indent}    ${line}`)
      case 'thematicBreak':
        return [`${indent}${'-'.repeat(40)}`]
      case 'html': {
        // <details><summary>Why</summary> opens a section whose content follows as Markdown.
        const summary = /<summary>([\s\S]*?)<\/summary>/i.exec(node.value)
        return summary ? [`${indent}${this.paint('bold', this.inline(fromMarkdownInline(summary[1] ?? '')))}`] : []
      }
      default:
        return []
    }
  }

  /** Columns padded to the widest cell; a cell's line breaks continue under its column. */
  table(node: Table): string[] {
    const rows = node.children.map((row) => row.children.map((cell) => this.inline(cell.children).split('\n')))
    const columns = Math.max(0, ...rows.map((r) => r.length))
    const visible = (text: string) => displayWidth(text.replaceAll(ANSI_CODE, ''))
    const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((r) => Math.max(0, ...(r[c] ?? ['']).map(visible)))))
    const out: string[] = []
    rows.forEach((row, r) => {
      const height = Math.max(...row.map((cell) => cell.length))
      for (let l = 0; l < height; l++) {
        const cells = Array.from({ length: columns }, (_, c) => {
          const text = row[c]?.[l] ?? ''
          return c === columns - 1 ? text : text + ' '.repeat((widths[c] ?? 0) - visible(text))
        })
        const line = cells.join('  ').trimEnd()
        out.push(r === 0 ? this.paint('bold', line) : line)
      }
      if (r === 0) out.push(widths.map((w) => '-'.repeat(w)).join('  '))
    })
    return out
  }
}

/** Columns a string takes in a terminal: the summary's icons (❌, ⚠️) are two wide, a variation selector none. */
function displayWidth(text: string): number {
  let width = 0
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0
    if (point === 0xfe0f || point === 0x200d) continue
    width += (point >= 0x2600 && point <= 0x27bf) || (point >= 0x1f300 && point <= 0x1faff) ? 2 : 1
  }
  return width
}

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

function fromMarkdownInline(markdown: string): RootContent[] {
  const first = parse(markdown).children[0]
  return first && 'children' in first ? (first.children as RootContent[]) : []
}

/** The summary's Markdown as terminal text: blocks separated by one blank line. */
export function markdownToTerminal(markdown: string, options: TerminalOptions): string {
  const printer = new Printer(options)
  const blocks = parse(markdown)
    .children.map((node) => printer.block(node, ''))
    .filter((lines) => lines.length > 0)
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`
}

/** What a command prints for a summary: the Markdown itself, or the terminal's text of it. */
export function printedSummary(markdown: string, format: Exclude<OutputFormat, 'json'>, color: boolean): string {
  return format === 'markdown' ? `${markdown}\n` : markdownToTerminal(markdown, { color })
}
