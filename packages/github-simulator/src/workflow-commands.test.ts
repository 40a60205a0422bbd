import { parseFileCommands, parseWorkflowCommands } from './workflow-commands'

test('an output file mixes name=value and heredoc entries; values may contain "="', () => {
  expect(parseFileCommands('a=1\nurl=https://x?y=z\nmulti<<EOF\nx\n\ny\nEOF\nempty=\n')).toEqual({ a: '1', url: 'https://x?y=z', multi: 'x\n\ny', empty: '' })
})

test('a heredoc without its delimiter is an error, as for the runner', () => {
  expect(() => parseFileCommands('a<<EOF\nno end\n')).toThrow("Matching delimiter not found 'EOF'")
})

test('annotation properties and data are unescaped the way @actions/core escapes them', () => {
  const { annotations } = parseWorkflowCommands('::error file=x%3Ay.yml,line=2,endLine=4,endColumn=9::100%25 broken%0D%0Anext')
  expect(annotations).toEqual([{ level: 'error', file: 'x:y.yml', line: 2, endLine: 4, endColumn: 9, message: '100% broken\r\nnext' }])
})

test('plain log lines and unknown commands are not annotations', () => {
  expect(parseWorkflowCommands('hello\n::group::Title\n::endgroup::\n::debug::d').annotations).toEqual([])
})
