// One migration file's text with the three kinds of offsets that point into it. The
// parser reports statement and node locations as UTF-8 byte offsets, a syntax error's
// cursor and a server error's position as character (code point) offsets, and editors
// and GitHub annotations want 1-based line and column. Mixing them up puts every finding
// after a non-ASCII character (an accented comment, an emoji in a string) in the wrong place.

export interface Position {
  /** 1-based. */
  line: number
  /** 1-based, counted in Unicode code points (what an editor shows as characters). */
  column: number
}

function isContinuationByte(byte: number): boolean {
  return (byte & 0xc0) === 0x80
}

export class SourceText {
  readonly text: string
  readonly bytes: Buffer
  /** Byte offset where each line starts; lines end at \n (a \r before it is part of the line). */
  private readonly lineStarts: number[]

  constructor(text: string) {
    this.text = text
    this.bytes = Buffer.from(text, 'utf8')
    this.lineStarts = [0]
    for (let i = 0; i < this.bytes.length; i++) {
      if (this.bytes[i] === 0x0a) this.lineStarts.push(i + 1)
    }
  }

  get byteLength(): number {
    return this.bytes.length
  }

  /** Position of a UTF-8 byte offset; offsets past the end clamp to the end. */
  positionOfByte(byteOffset: number): Position {
    const offset = Math.max(0, Math.min(byteOffset, this.bytes.length))
    const lineIndex = this.lineIndexOfByte(offset)
    const lineStart = this.lineStarts[lineIndex] ?? 0
    let column = 1
    for (let i = lineStart; i < offset; i++) {
      if (!isContinuationByte(this.bytes[i] ?? 0)) column++
    }
    return { line: lineIndex + 1, column }
  }

  /** Byte offset of a 0-based code point offset, as Postgres counts characters. */
  byteOfCodePoint(codePointOffset: number): number {
    let seen = 0
    for (let i = 0; i < this.bytes.length; i++) {
      if (isContinuationByte(this.bytes[i] ?? 0)) continue
      if (seen === codePointOffset) return i
      seen++
    }
    return this.bytes.length
  }

  /** Number of code points before a byte offset. */
  codePointsBeforeByte(byteOffset: number): number {
    let count = 0
    const end = Math.min(byteOffset, this.bytes.length)
    for (let i = 0; i < end; i++) {
      if (!isContinuationByte(this.bytes[i] ?? 0)) count++
    }
    return count
  }

  /** The text between two byte offsets. */
  slice(startByte: number, endByte: number): string {
    return this.bytes.subarray(startByte, endByte).toString('utf8')
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1]
    if (start === undefined) return ''
    const next = this.lineStarts[line]
    const end = next === undefined ? this.bytes.length : next - 1
    return this.slice(start, end).replace(/\r$/, '')
  }

  get lineCount(): number {
    return this.lineStarts.length
  }

  private lineIndexOfByte(offset: number): number {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid
      else high = mid - 1
    }
    return low
  }
}
