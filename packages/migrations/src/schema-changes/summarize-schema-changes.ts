// What a migration does to the schema, read from the parse tree: the objects it creates,
// alters and drops, for the job summary, so a reviewer sees "drops table public.orders"
// without reading the SQL. Statements that change no object (SELECT, GRANT, COMMENT,
// INSERT) are left out.
import type { Node } from 'libpg-query'
import { nameList, nodeAs, qualifiedName, qualifiedNameOfList, stringValue } from '../parse/ast-nodes'
import type { ParsedMigration, Statement } from '../parse/parse-migration'

export type SchemaChangeAction = 'create' | 'alter' | 'drop'

export interface SchemaChange {
  action: SchemaChangeAction
  /** table, column, index, view, materialized view, function, procedure, trigger, policy, schema, extension, type, domain, sequence, role, publication */
  kind: string
  /** Qualified where the object lives in a schema (`public.profiles`); `policy on table` for policies and triggers. */
  name: string
  /** What an ALTER does (e.g. "add column bio, enable row level security"). */
  detail?: string
  /** 1-based line of the statement. */
  line: number
}

const DROP_KINDS: Record<string, string> = {
  OBJECT_TABLE: 'table',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'materialized view',
  OBJECT_INDEX: 'index',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_FUNCTION: 'function',
  OBJECT_PROCEDURE: 'procedure',
  OBJECT_TRIGGER: 'trigger',
  OBJECT_POLICY: 'policy',
  OBJECT_SCHEMA: 'schema',
  OBJECT_EXTENSION: 'extension',
  OBJECT_TYPE: 'type',
  OBJECT_DOMAIN: 'domain',
  OBJECT_PUBLICATION: 'publication',
  OBJECT_FOREIGN_TABLE: 'foreign table'
}

const ALTER_TABLE_DETAILS: Record<string, string> = {
  AT_EnableRowSecurity: 'enable row level security',
  AT_DisableRowSecurity: 'disable row level security',
  AT_ForceRowSecurity: 'force row level security',
  AT_NoForceRowSecurity: 'no force row level security',
  AT_ChangeOwner: 'change owner',
  AT_SetNotNull: 'set not null',
  AT_DropNotNull: 'drop not null',
  AT_ColumnDefault: 'set default',
  AT_ValidateConstraint: 'validate constraint',
  AT_DropConstraint: 'drop constraint',
  AT_EnableTrig: 'enable trigger',
  AT_DisableTrig: 'disable trigger',
  AT_ReplicaIdentity: 'replica identity',
  AT_AttachPartition: 'attach partition',
  AT_DetachPartition: 'detach partition',
  AT_AddIdentity: 'add identity',
  AT_SetRelOptions: 'set options'
}

/** `schema.name` of a dropped object, whichever node shape its removeType uses. */
function droppedName(removeType: string, object: Node): string {
  const list = nameList(nodeAs(object, 'List')?.items)
  if (removeType === 'OBJECT_POLICY' || removeType === 'OBJECT_TRIGGER') {
    const name = list.pop() ?? ''
    return `${name} on ${qualifiedNameOfList(list)}`
  }
  if (list.length > 0) return qualifiedNameOfList(list)
  const withArgs = nodeAs(object, 'ObjectWithArgs')
  if (withArgs) return qualifiedNameOfList(nameList(withArgs.objname))
  const typeName = nodeAs(object, 'TypeName')
  if (typeName) return qualifiedNameOfList(nameList(typeName.names))
  return stringValue(object) ?? ''
}

function alterTableDetail(statement: Statement): string {
  const alter = nodeAs(statement.node, 'AlterTableStmt')
  const details = (alter?.cmds ?? []).map((cmd) => {
    const command = nodeAs(cmd, 'AlterTableCmd')
    const subtype = command?.subtype ?? ''
    const column = nodeAs(command?.def, 'ColumnDef')
    const constraint = nodeAs(command?.def, 'Constraint')
    if (subtype === 'AT_AddColumn') return `add column ${column?.colname ?? ''}`
    if (subtype === 'AT_DropColumn') return `drop column ${command?.name ?? ''}`
    if (subtype === 'AT_AlterColumnType') return `alter column ${command?.name ?? ''} type`
    if (subtype === 'AT_AddConstraint') return `add constraint${constraint?.conname ? ` ${constraint.conname}` : ''}`
    const known = ALTER_TABLE_DETAILS[subtype]
    const target = command?.name ? ` ${command.name}` : ''
    return known ? `${known}${target}` : subtype.replace(/^AT_/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  })
  return details.join(', ')
}

function changesOf(statement: Statement): Omit<SchemaChange, 'line'>[] {
  const node = statement.node
  const create = nodeAs(node, 'CreateStmt')
  if (create) return [{ action: 'create', kind: 'table', name: qualifiedName(create.relation), detail: create.partbound ? 'partition' : undefined }]
  const createAs = nodeAs(node, 'CreateTableAsStmt')
  if (createAs) return [{ action: 'create', kind: createAs.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table', name: qualifiedName(createAs.into?.rel) }]
  const view = nodeAs(node, 'ViewStmt')
  if (view) return [{ action: 'create', kind: 'view', name: qualifiedName(view.view), detail: view.replace ? 'or replace' : undefined }]
  const index = nodeAs(node, 'IndexStmt')
  if (index) {
    const table = qualifiedName(index.relation)
    const name = index.idxname ? `${index.relation?.schemaname ?? 'public'}.${index.idxname}` : `(unnamed) on ${table}`
    return [{ action: 'create', kind: 'index', name, detail: `on ${table}${index.concurrent ? ', concurrently' : ''}` }]
  }
  const fn = nodeAs(node, 'CreateFunctionStmt')
  if (fn) return [{ action: 'create', kind: fn.is_procedure ? 'procedure' : 'function', name: qualifiedNameOfList(nameList(fn.funcname)), detail: fn.replace ? 'or replace' : undefined }]
  const trigger = nodeAs(node, 'CreateTrigStmt')
  if (trigger) return [{ action: 'create', kind: 'trigger', name: `${trigger.trigname ?? ''} on ${qualifiedName(trigger.relation)}` }]
  const policy = nodeAs(node, 'CreatePolicyStmt')
  if (policy) return [{ action: 'create', kind: 'policy', name: `${policy.policy_name ?? ''} on ${qualifiedName(policy.table)}`, detail: policy.cmd_name && policy.cmd_name !== 'all' ? `for ${policy.cmd_name}` : undefined }]
  const alterPolicy = nodeAs(node, 'AlterPolicyStmt')
  if (alterPolicy) return [{ action: 'alter', kind: 'policy', name: `${alterPolicy.policy_name ?? ''} on ${qualifiedName(alterPolicy.table)}` }]
  const schema = nodeAs(node, 'CreateSchemaStmt')
  if (schema) return [{ action: 'create', kind: 'schema', name: schema.schemaname ?? '' }]
  const extension = nodeAs(node, 'CreateExtensionStmt')
  if (extension) return [{ action: 'create', kind: 'extension', name: extension.extname ?? '' }]
  const enumType = nodeAs(node, 'CreateEnumStmt')
  if (enumType) return [{ action: 'create', kind: 'type', name: qualifiedNameOfList(nameList(enumType.typeName)), detail: 'enum' }]
  const composite = nodeAs(node, 'CompositeTypeStmt')
  if (composite) return [{ action: 'create', kind: 'type', name: qualifiedName(composite.typevar), detail: 'composite' }]
  const domain = nodeAs(node, 'CreateDomainStmt')
  if (domain) return [{ action: 'create', kind: 'domain', name: qualifiedNameOfList(nameList(domain.domainname)) }]
  const alterEnum = nodeAs(node, 'AlterEnumStmt')
  if (alterEnum) return [{ action: 'alter', kind: 'type', name: qualifiedNameOfList(nameList(alterEnum.typeName)), detail: alterEnum.newVal ? `add value '${alterEnum.newVal}'` : 'rename value' }]
  const sequence = nodeAs(node, 'CreateSeqStmt')
  if (sequence) return [{ action: 'create', kind: 'sequence', name: qualifiedName(sequence.sequence) }]
  const role = nodeAs(node, 'CreateRoleStmt')
  if (role) return [{ action: 'create', kind: 'role', name: role.role ?? '' }]
  const publication = nodeAs(node, 'CreatePublicationStmt')
  if (publication) return [{ action: 'create', kind: 'publication', name: publication.pubname ?? '' }]
  const alterPublication = nodeAs(node, 'AlterPublicationStmt')
  if (alterPublication) {
    const tables = (alterPublication.pubobjects ?? []).map((object) => qualifiedName(nodeAs(object, 'PublicationObjSpec')?.pubtable?.relation)).filter(Boolean)
    const verb = alterPublication.action === 'AP_DropObjects' ? 'drop' : alterPublication.action === 'AP_SetObjects' ? 'set' : 'add'
    return [{ action: 'alter', kind: 'publication', name: alterPublication.pubname ?? '', detail: tables.length ? `${verb} table ${tables.join(', ')}` : undefined }]
  }
  const alter = nodeAs(node, 'AlterTableStmt')
  if (alter) {
    const kind = alter.objtype === 'OBJECT_VIEW' ? 'view' : alter.objtype === 'OBJECT_INDEX' ? 'index' : alter.objtype === 'OBJECT_SEQUENCE' ? 'sequence' : 'table'
    return [{ action: 'alter', kind, name: qualifiedName(alter.relation), detail: alterTableDetail(statement) }]
  }
  const rename = nodeAs(node, 'RenameStmt')
  if (rename) {
    const renameType = rename.renameType ?? ''
    if (renameType === 'OBJECT_COLUMN') return [{ action: 'alter', kind: 'table', name: qualifiedName(rename.relation), detail: `rename column ${rename.subname ?? ''} to ${rename.newname ?? ''}` }]
    if (rename.relation) return [{ action: 'alter', kind: DROP_KINDS[renameType] ?? 'table', name: qualifiedName(rename.relation), detail: `rename ${rename.subname ? `${rename.subname} ` : ''}to ${rename.newname ?? ''}` }]
    if (rename.object) return [{ action: 'alter', kind: DROP_KINDS[renameType] ?? renameType.replace(/^OBJECT_/, '').toLowerCase(), name: droppedName(renameType, rename.object), detail: `rename to ${rename.newname ?? ''}` }]
    return []
  }
  const setSchema = nodeAs(node, 'AlterObjectSchemaStmt')
  if (setSchema) {
    const kind = DROP_KINDS[setSchema.objectType ?? ''] ?? 'object'
    const name = setSchema.relation ? qualifiedName(setSchema.relation) : setSchema.object ? droppedName(setSchema.objectType ?? '', setSchema.object) : ''
    return [{ action: 'alter', kind, name, detail: `set schema ${setSchema.newschema ?? ''}` }]
  }
  const drop = nodeAs(node, 'DropStmt')
  if (drop) {
    const removeType = drop.removeType ?? ''
    const kind = DROP_KINDS[removeType] ?? removeType.replace(/^OBJECT_/, '').toLowerCase()
    return (drop.objects ?? []).map((object) => ({ action: 'drop' as const, kind, name: droppedName(removeType, object), detail: drop.behavior === 'DROP_CASCADE' ? 'cascade' : undefined }))
  }
  return []
}

export function summarizeSchemaChanges(migration: ParsedMigration): SchemaChange[] {
  return migration.statements.flatMap((statement) =>
    changesOf(statement).map((change) => {
      const result: SchemaChange = { action: change.action, kind: change.kind, name: change.name, line: statement.line }
      if (change.detail) result.detail = change.detail
      return result
    })
  )
}
