import { columnDefinitions } from '../column-definitions'
import type { Rule } from '../rule'

export const banCharField: Rule = {
  name: 'ban-char-field',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'char(n) pads every value with spaces to n characters, ignores trailing spaces when comparing and is no faster than text: values come back different from what was written.',
  check(statement) {
    // char(n) and character(n) parse to pg_catalog.bpchar; a quoted "char" is the one-byte internal type.
    return columnDefinitions(statement)
      .filter((column) => column.type === 'bpchar')
      .map((column) => ({
        message: `Column ${column.table}.${column.column} is char(n), which pads values with spaces.`,
        fix: 'Use text (with a CHECK on char_length() if the length matters).',
        byteOffset: column.byteOffset
      }))
  }
}
