// Summaries are read as GitHub renders them, so their tests parse the Markdown with a
// CommonMark + GFM parser (micromark, with GitHub's table, strikethrough and autolink
// extensions) and assert on the structure a reader sees: headings, tables and their cells.
import type { Heading, Root, RootContent, Table } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { micromark } from 'micromark'
import { gfm } from 'micromark-extension-gfm'

export function gfmTree(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

/** The HTML GitHub's renderer would make (raw HTML such as <details> and <br> kept, as GitHub keeps it). */
export function gfmHtml(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], allowDangerousHtml: true })
}

/** The text a reader sees in a node: code spans as their content, <br> as a line break. */
export function textOf(node: RootContent | Root): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  if (node.type === 'html') return node.value === '<br>' ? '\n' : ''
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('')
  return ''
}

function all<T extends RootContent>(tree: Root | RootContent, type: T['type']): T[] {
  const found: T[] = []
  const visit = (node: Root | RootContent): void => {
    if (node.type === type) found.push(node as T)
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child)
  }
  visit(tree)
  return found
}

export function headings(tree: Root): { depth: number; text: string; link?: string }[] {
  return all<Heading>(tree, 'heading').map((h) => {
    const link = h.children.find((c) => c.type === 'link')
    return { depth: h.depth, text: textOf(h), ...(link && link.type === 'link' ? { link: link.url } : {}) }
  })
}

/** Every table as rows of cell texts, the header row first. */
export function tables(tree: Root): string[][][] {
  return all<Table>(tree, 'table').map((t) => t.children.map((row) => row.children.map(textOf)))
}
