// `-- change-policy: allow <rule>[, <rule>]` silences those rules for one statement. A
// comment alone on its line belongs to the statement after it (so it may sit in a comment
// block above, with a reason); a comment after code on the same line, or inside a
// statement, belongs to that statement. Comments are found with the Postgres scanner so
// that the same words inside a string literal or a function body do not count.
import { scan } from 'libpg-query'
import type { ParsedMigration } from '../parse/parse-migration'

export interface AllowComment {
  rules: string[]
  /** The statement the comment belongs to; undefined if none follows it. */
  statementIndex: number | undefined
  line: number
  column: number
}

const ALLOW = /change-policy:\s*allow\s+([a-z0-9_-]+(?:\s*,\s*[a-z0-9_-]+)*)/i

export async function findAllowComments(migration: ParsedMigration): Promise<AllowComment[]> {
  const source = migration.source
  if (!source || !source.text.includes('change-policy:')) return []
  const { tokens } = await scan(source.text)
  const comments: AllowComment[] = []
  for (const token of tokens) {
    if (token.tokenName !== 'SQL_COMMENT' && token.tokenName !== 'C_COMMENT') continue
    const match = ALLOW.exec(token.text)
    if (!match?.[1]) continue
    const rules = match[1].split(',').map((rule) => rule.trim().toLowerCase())
    const position = source.positionOfByte(token.start)
    const codeBefore = source.lineText(position.line).slice(0, position.column - 1).trim() !== ''
    const statements = migration.statements
    const containing = statements.find((statement) => statement.startByte <= token.start && token.start < statement.endByte)
    let statementIndex: number | undefined
    if (containing) statementIndex = containing.index
    else if (codeBefore) statementIndex = [...statements].reverse().find((statement) => statement.startByte < token.start)?.index
    else statementIndex = statements.find((statement) => statement.startByte > token.start)?.index
    comments.push({ rules, statementIndex, line: position.line, column: position.column })
  }
  return comments
}
