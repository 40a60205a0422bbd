import type { Node } from 'libpg-query'
import { nameList, nodeAs } from '../../parse/ast-nodes'
import type { Statement } from '../../parse/parse-migration'
import type { Rule } from '../rule'

/** NAMEDATALEN - 1: Postgres cuts longer identifiers to their first 63 bytes, with only a NOTICE. */
export const MAX_IDENTIFIER_BYTES = 63

function constraintNames(nodes: readonly (Node | undefined)[] | undefined): string[] {
  return (nodes ?? []).map((node) => nodeAs(node, 'Constraint')?.conname).filter((name): name is string => name !== undefined)
}

/** The names a statement gives to new objects (references to existing ones are not its to choose). */
function namesCreated(statement: Statement): string[] {
  const node = statement.node
  const names: Array<string | undefined> = []
  const create = nodeAs(node, 'CreateStmt')
  if (create) {
    names.push(create.relation?.relname)
    for (const element of create.tableElts ?? []) {
      const column = nodeAs(element, 'ColumnDef')
      if (column) names.push(column.colname, ...constraintNames(column.constraints))
      else names.push(...constraintNames([element]))
    }
  }
  const alter = nodeAs(node, 'AlterTableStmt')
  for (const cmd of alter?.cmds ?? []) {
    const command = nodeAs(cmd, 'AlterTableCmd')
    const column = nodeAs(command?.def, 'ColumnDef')
    if (command?.subtype === 'AT_AddColumn' && column) names.push(column.colname, ...constraintNames(column.constraints))
    if (command?.subtype === 'AT_AddConstraint') names.push(...constraintNames([command.def]))
  }
  names.push(nodeAs(node, 'IndexStmt')?.idxname)
  names.push(nodeAs(node, 'CreateTrigStmt')?.trigname)
  names.push(nodeAs(node, 'CreatePolicyStmt')?.policy_name)
  names.push(nodeAs(node, 'RenameStmt')?.newname)
  names.push(nodeAs(node, 'CreateSchemaStmt')?.schemaname)
  names.push(nodeAs(node, 'ViewStmt')?.view?.relname)
  names.push(nodeAs(node, 'CreateSeqStmt')?.sequence?.relname)
  names.push(nodeAs(node, 'CreateTableAsStmt')?.into?.rel?.relname)
  names.push(nameList(nodeAs(node, 'CreateFunctionStmt')?.funcname).pop())
  names.push(nameList(nodeAs(node, 'CreateEnumStmt')?.typeName).pop())
  return names.filter((name): name is string => name !== undefined)
}

/**
 * The parser has already cut long names to 63 bytes (as Postgres does), so a created name of
 * exactly 63 bytes is looked up in the statement's text: written longer there, it was cut.
 */
function writtenName(name: string, text: string): string | undefined {
  // Cut at a character boundary: a multi-byte name can end up to 3 bytes short of 63.
  if (Buffer.byteLength(name, 'utf8') < MAX_IDENTIFIER_BYTES - 3) return undefined
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const quoted = new RegExp(`"(${escaped}[^"]+)"`).exec(text)?.[1]
  if (quoted) return quoted
  return new RegExp(`(?<![\\w$])(${escaped}[\\w$\\u0080-\\uffff]+)`, 'i').exec(text)?.[1]
}

export const identifierTooLong: Rule = {
  name: 'identifier-too-long',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'Postgres silently cuts identifiers longer than 63 bytes: the object gets a different name than the migration says, two long names can become the same one (the second CREATE then fails or hits the wrong object), and tools that compare names see a mismatch.',
  check(statement) {
    return namesCreated(statement).flatMap((stored) => {
      const written = writtenName(stored, statement.text)
      if (!written) return []
      return [
        {
          message: `The name "${written}" is ${Buffer.byteLength(written, 'utf8')} bytes; Postgres stores it as "${stored}".`,
          fix: `Choose a name of at most ${MAX_IDENTIFIER_BYTES} bytes.`
        }
      ]
    })
  }
}
