import { columnDefinitions } from '../column-definitions'
import type { Rule } from '../rule'

export const preferTextField: Rule = {
  name: 'prefer-text-field',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'varchar(n) stores text exactly as text does, but raising its limit later changes the column type under an ACCESS EXCLUSIVE lock; a CHECK on length() can be replaced without locking out the app.',
  check(statement) {
    return columnDefinitions(statement)
      .filter((column) => column.type === 'varchar' && (column.typeName?.typmods ?? []).length > 0)
      .map((column) => ({
        message: `Column ${column.table}.${column.column} is varchar with a length limit.`,
        fix: `Use text, with CHECK (char_length(${column.column}) <= n) if the limit matters (a later change is then ADD CONSTRAINT ... NOT VALID and VALIDATE).`,
        byteOffset: column.byteOffset
      }))
  }
}
