import { code, escapeMarkdown, table } from './markdown'
import { gfmTree, tables, textOf } from './summaries/gfm-rendering.test-support'

test('text from a pull request cannot inject HTML or Markdown into the summary', () => {
  expect(escapeMarkdown('<img src=x onerror=alert(1)> **bold** [link](x)')).toBe('&lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](x)')
})

test('a code span survives backticks and pipes inside it', () => {
  expect(code('a`b')).toBe('``a`b``')
  expect(code('`x`')).toBe('`` `x` ``')
  expect(code('a|b')).toBe('`a|b`')
})

test('outside a table a code span shows its pipe as typed; inside one it stays in its cell', () => {
  expect(textOf(gfmTree(`Path ${code('a|b')}`))).toBe('Path a|b')
  expect(tables(gfmTree(table(['path', 'note'], [[code('a|b'), escapeMarkdown('x | y')]])))).toEqual([
    [
      ['path', 'note'],
      ['a|b', 'x | y']
    ]
  ])
})

test('a table has a header, a rule and a row per entry', () => {
  expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |')
})
