import { nameList, nodeAs } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const requireEnumValueOrdering: Rule = {
  name: 'require-enum-value-ordering',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'An enum sorts and compares by the order of its values; ADD VALUE without BEFORE or AFTER puts the new value last, which changes ORDER BY and < > results for it, and the order can never be changed afterwards without recreating the type.',
  check(statement) {
    const alter = nodeAs(statement.node, 'AlterEnumStmt')
    // RENAME VALUE has oldVal; only ADD VALUE places a new value.
    if (!alter?.newVal || alter.oldVal || alter.newValNeighbor) return []
    const type = nameList(alter.typeName).join('.')
    return [
      {
        message: `ALTER TYPE ${type} ADD VALUE '${alter.newVal}' says nowhere where the value goes, so it sorts after every existing value.`,
        fix: `Write ADD VALUE '${alter.newVal}' BEFORE '<value>' or AFTER '<value>'; if last is right, say AFTER '<current last value>'.`
      }
    ]
  }
}
