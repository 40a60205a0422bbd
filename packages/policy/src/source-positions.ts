// Offsets into the policy text, turned into the 1-based line and column that GitHub
// annotations and editors use.

export interface SourcePosition {
  line: number
  column: number
}

export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i)
      // YAML breaks lines on \n, \r\n and a lone \r.
      if (ch === 10) this.starts.push(i + 1)
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1)
    }
  }

  positionOf(offset: number): SourcePosition {
    const target = Math.max(0, offset)
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((this.starts[mid] ?? 0) <= target) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: target - (this.starts[low] ?? 0) + 1 }
  }
}
