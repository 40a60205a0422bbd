import { SourceText } from './source-text'

test('byte offsets after multi-byte characters map to character columns', () => {
  // é is 2 bytes, € 3, 😀 4 (and 2 UTF-16 units): the x after them is byte 14, character 6.
  const source = new SourceText('-- é€😀 x\nselect 1')
  expect(source.positionOfByte(14)).toEqual({ line: 1, column: 9 })
  expect(source.positionOfByte(Buffer.byteLength('-- é€😀 x\n'))).toEqual({ line: 2, column: 1 })
})

test('code point offsets (Postgres error positions) convert to byte offsets', () => {
  const source = new SourceText("select '😀é' frm")
  // Characters: s,e,l,e,c,t,space,',😀,é,',space,f → f is character 12.
  const byte = source.byteOfCodePoint(12)
  expect(source.slice(byte, byte + 3)).toBe('frm')
  expect(source.codePointsBeforeByte(byte)).toBe(12)
})

test('lines are split on \\n and a \\r before it is not part of the text', () => {
  const source = new SourceText('a\r\nbc\nd')
  expect(source.lineCount).toBe(3)
  expect(source.lineText(1)).toBe('a')
  expect(source.positionOfByte(Buffer.byteLength('a\r\nb'))).toEqual({ line: 2, column: 2 })
})
