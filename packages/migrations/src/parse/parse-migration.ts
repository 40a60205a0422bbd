// Reads one migration file into statements with the real Postgres parser. Splitting is the
// parser's: semicolons inside strings, dollar-quoted function bodies and comments would
// fool any hand-written splitter, and the engines run exactly these statements.
import { parse, hasSqlDetails, type Node } from 'libpg-query'
import type { Finding } from '../finding'
import { SourceText } from '../source/source-text'
import { nodeTag, type NodeTag } from './ast-nodes'

/** Above this a file is refused unread: a data dump does not belong in a migration review. */
export const DEFAULT_MAX_MIGRATION_BYTES = 2 * 1024 * 1024

export interface MigrationSource {
  /** Path relative to the repository root, with forward slashes, as shown to users. */
  path: string
  bytes: Uint8Array
}

export interface Statement {
  /** 0-based position in the file. */
  index: number
  node: Node
  kind: NodeTag
  /** The statement's text as sent to the database, without its semicolon. */
  text: string
  startByte: number
  endByte: number
  /** Where the statement starts: 1-based line and column. */
  line: number
  column: number
}

export interface ParsedMigration {
  path: string
  /** Absent when the file could not be read as text (too large, not UTF-8). */
  source?: SourceText
  statements: Statement[]
  /** A problem that stops the file from being linted or applied: size, encoding, syntax. */
  fatal?: Finding
  /** No statements: a 0-byte file or only comments. */
  empty: boolean
}

export interface ParseOptions {
  maxBytes?: number
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function fileFinding(path: string, rule: string, line: number, column: number, message: string, why: string, fix: string): Finding {
  return { rule, severity: 'error', file: path, line, column, message, why, fix, destructive: false }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0
    if (length === 0) return i
    for (let k = 1; k < length; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i
    }
    i += length
  }
  return i
}

export async function parseMigration(source: MigrationSource, options: ParseOptions = {}): Promise<ParsedMigration> {
  const { path, bytes } = source
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MIGRATION_BYTES
  if (bytes.length > maxBytes) {
    const size = (bytes.length / 1024 / 1024).toFixed(1)
    const limit = (maxBytes / 1024 / 1024).toFixed(1)
    return {
      path,
      statements: [],
      empty: false,
      fatal: fileFinding(
        path,
        'file-too-large',
        1,
        1,
        `${path} is ${size} MB; migrations over ${limit} MB are not read, linted or applied.`,
        'A file this large is usually a data dump, which cannot be reviewed as a change and slows every deploy.',
        'Split the schema change from the data: keep the migration small and load bulk data with a seed file or a separate job.'
      )
    }
  }
  let text: string
  try {
    // TextDecoder drops a leading byte order mark, so offsets are counted from the first character.
    text = utf8.decode(bytes)
  } catch {
    const at = firstInvalidUtf8Byte(bytes)
    const before = new SourceText(new TextDecoder('utf-8').decode(bytes.subarray(0, at)))
    const position = before.positionOfByte(before.byteLength)
    return {
      path,
      statements: [],
      empty: false,
      fatal: fileFinding(
        path,
        'invalid-encoding',
        position.line,
        position.column,
        `${path} is not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}).`,
        'Postgres reads migrations as UTF-8; other encodings corrupt non-ASCII text or fail to apply.',
        'Re-save the file as UTF-8 (for example: iconv -f latin1 -t utf-8).'
      )
    }
  }
  const sourceText = new SourceText(text)
  if (text.trim() === '') return { path, source: sourceText, statements: [], empty: true }
  let tree
  try {
    tree = await parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const cursor = hasSqlDetails(error) ? (error.sqlDetails?.cursorPosition ?? 0) : 0
    const position = sourceText.positionOfByte(sourceText.byteOfCodePoint(cursor))
    return {
      path,
      source: sourceText,
      statements: [],
      empty: false,
      fatal: fileFinding(
        path,
        'syntax-error',
        position.line,
        position.column,
        `${path} does not parse: ${message}.`,
        'Postgres would refuse this file, so the deploy would stop at it.',
        `Correct the SQL at line ${position.line}, column ${position.column}; check it with \`psql -f\` against a local database.`
      )
    }
  }
  const raw = tree.stmts ?? []
  const statements: Statement[] = []
  for (const [index, stmt] of raw.entries()) {
    if (!stmt.stmt) continue
    const startByte = stmt.stmt_location ?? 0
    const endByte = stmt.stmt_len === undefined || stmt.stmt_len === 0 ? sourceText.byteLength : startByte + stmt.stmt_len
    const position = sourceText.positionOfByte(startByte)
    statements.push({
      index,
      node: stmt.stmt,
      kind: nodeTag(stmt.stmt),
      text: sourceText.slice(startByte, endByte),
      startByte,
      endByte,
      line: position.line,
      column: position.column
    })
  }
  return { path, source: sourceText, statements, empty: statements.length === 0 }
}
