import { columnDefinitions } from '../column-definitions'
import type { Rule } from '../rule'

export const preferTimestamptz: Rule = {
  name: 'prefer-timestamptz',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'timestamp (without time zone) stores a wall-clock reading with no zone: values written by sessions or servers in different time zones cannot be compared, and daylight-saving changes make some readings ambiguous.',
  check(statement) {
    return columnDefinitions(statement)
      .filter((column) => column.type === 'timestamp')
      .map((column) => ({
        message: `Column ${column.table}.${column.column} is timestamp without time zone.`,
        fix: `Use timestamptz (timestamp with time zone): it stores an instant and shows it in each session's zone.`,
        byteOffset: column.byteOffset
      }))
  }
}
