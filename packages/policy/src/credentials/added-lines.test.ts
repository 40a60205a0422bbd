import { addedLines, scanTextOf } from './added-lines'

const PATCH = [
  '@@ -1,3 +1,4 @@',
  ' line one',
  '-old two',
  '+new two',
  '+new three',
  ' line four',
  '@@ -10,2 +11,3 @@ function f() {',
  ' ctx',
  '+added at twelve',
  ' ctx',
  '\\ No newline at end of file'
].join('\n')

describe('addedLines', () => {
  test('gives each added line with its line number in the head', () => {
    expect(addedLines(PATCH)).toEqual([
      { line: 2, text: 'new two' },
      { line: 3, text: 'new three' },
      { line: 12, text: 'added at twelve' }
    ])
  })

  test('a new file is all added lines from line 1', () => {
    expect(addedLines('@@ -0,0 +1,2 @@\n+a\n+b')).toEqual([{ line: 1, text: 'a' }, { line: 2, text: 'b' }])
  })

  test('a removal-only patch adds nothing', () => {
    expect(addedLines('@@ -1,2 +0,0 @@\n-a\n-b')).toEqual([])
  })

  test('a line that itself starts with + or ++ is read as its text', () => {
    expect(addedLines('@@ -0,0 +1 @@\n+++x')).toEqual([{ line: 1, text: '++x' }])
  })
})

describe('scanTextOf', () => {
  test('keeps adjacent lines together and separates hunks, mapping lines back to the head', () => {
    const { text, headLine } = scanTextOf(addedLines(PATCH))
    expect(text).toBe('new two\nnew three\n\nadded at twelve')
    expect([1, 2, 4].map(headLine)).toEqual([2, 3, 12])
  })
})
