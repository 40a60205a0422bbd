// Executes a parsed document against a small typed object graph. Unknown fields and
// selections that do not fit their type fail validation as on GitHub: errors only, no data.
// Errors raised by resolvers null the field and are reported with their path.
import { parseDocument, GraphqlSyntaxError, type FieldNode, type Location, type SelectionNode, type ValueNode, type DocumentNode } from './parse'

export interface FieldDef<Ctx> {
  /** A scalar or enum name, an object type, an abstract type, or `[Type]`. */
  type: string
  resolve(parent: unknown, args: Record<string, unknown>, ctx: Ctx): unknown
}

export interface ObjectType<Ctx> {
  fields: Record<string, FieldDef<Ctx>>
  /** Interfaces whose fragments apply (`... on Node`). */
  implements?: string[]
}

export interface GraphqlSchema<Ctx> {
  types: Record<string, ObjectType<Ctx>>
  /** Abstract types: their resolvers return `{ __typename, value }`. */
  abstract: Set<string>
  query: string
  mutation: string
}

export interface GraphqlErrorBody {
  message: string
  type?: string
  path?: (string | number)[]
  locations?: Location[]
  extensions?: Record<string, unknown>
}

/** An error a resolver throws: the field becomes null and the error is listed. */
export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly type?: string
  ) {
    super(message)
  }
}

export interface TypedValue {
  __typename: string
  value: unknown
}

export interface ExecutionResult {
  data?: Record<string, unknown> | null
  errors?: GraphqlErrorBody[]
  /** Root fields asked for, for the call log. */
  fields: string[]
}

class ValidationFailure extends Error {
  constructor(readonly body: GraphqlErrorBody) {
    super(body.message)
  }
}

const SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID', 'DateTime', 'URI', 'GitObjectID', 'HTML'])

export function execute<Ctx>(
  schema: GraphqlSchema<Ctx>,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string | null },
  ctx: Ctx
): ExecutionResult {
  let doc: DocumentNode
  try {
    doc = parseDocument(request.query)
  } catch (error) {
    if (error instanceof GraphqlSyntaxError) return { errors: [{ message: error.message, locations: [error.loc] }], fields: [] }
    throw error
  }
  const candidates = request.operationName ? doc.operations.filter((o) => o.name === request.operationName) : doc.operations
  if (candidates.length !== 1) {
    const message = candidates.length === 0 ? `No operation named "${request.operationName ?? ''}"` : 'An operation name is required'
    return { errors: [{ message }], fields: [] }
  }
  const operation = candidates[0] as DocumentNode['operations'][number]
  if (operation.operation === 'subscription') return { errors: [{ message: 'Subscriptions are not supported' }], fields: [] }
  const variables: Record<string, unknown> = {}
  for (const def of operation.variables) {
    const given = request.variables?.[def.name]
    variables[def.name] = given !== undefined ? given : def.defaultValue !== undefined ? valueOf(def.defaultValue, {}) : null
  }
  const rootType = operation.operation === 'mutation' ? schema.mutation : schema.query
  const rootPath = operation.name === undefined ? operation.operation : `${operation.operation} ${operation.name}`
  const errors: GraphqlErrorBody[] = []
  const exec = new Executor(schema, doc, variables, ctx, errors)
  let fields: string[] = []
  try {
    fields = exec.collect(rootType, operation.selections).map((f) => f.name)
    exec.validate(rootType, operation.selections, [rootPath])
  } catch (error) {
    if (error instanceof ValidationFailure) return { errors: [error.body], fields }
    throw error
  }
  const data = exec.selections(rootType, null, operation.selections, [])
  return errors.length > 0 ? { data, errors, fields } : { data, fields }
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case 'Variable':
      return variables[node.name] ?? null
    case 'Scalar':
      return node.value
    case 'Enum':
      return node.value
    case 'List':
      return node.values.map((v) => valueOf(v, variables))
    case 'Object':
      return Object.fromEntries(Object.entries(node.fields).map(([k, v]) => [k, valueOf(v, variables)]))
  }
}

class Executor<Ctx> {
  constructor(
    private readonly schema: GraphqlSchema<Ctx>,
    private readonly doc: DocumentNode,
    private readonly variables: Record<string, unknown>,
    private readonly ctx: Ctx,
    private readonly errors: GraphqlErrorBody[]
  ) {}

  private included(directives: { name: string; args: Record<string, ValueNode> }[]): boolean {
    for (const d of directives) {
      const cond = d.args.if === undefined ? undefined : valueOf(d.args.if, this.variables)
      if (d.name === 'skip' && cond === true) return false
      if (d.name === 'include' && cond === false) return false
    }
    return true
  }

  private applies(typeName: string, condition: string | undefined): boolean {
    return condition === undefined || condition === typeName || (this.schema.types[typeName]?.implements ?? []).includes(condition)
  }

  /** The fields selected on `typeName`, fragments flattened. */
  collect(typeName: string, selections: readonly SelectionNode[]): FieldNode[] {
    const out: FieldNode[] = []
    for (const s of selections) {
      if (!this.included(s.directives)) continue
      if (s.kind === 'Field') out.push(s)
      else if (s.kind === 'InlineFragment') {
        if (this.applies(typeName, s.typeCondition)) out.push(...this.collect(typeName, s.selections))
      } else {
        const fragment = this.doc.fragments.get(s.name)
        if (fragment === undefined) throw new ValidationFailure({ message: `Fragment ${s.name} was used, but not defined`, locations: [s.loc] })
        if (this.applies(typeName, fragment.typeCondition)) out.push(...this.collect(typeName, fragment.selections))
      }
    }
    return out
  }

  private fieldDef(typeName: string, field: FieldNode, path: string[]): FieldDef<Ctx> | undefined {
    if (field.name === '__typename') return undefined
    const def = this.schema.types[typeName]?.fields[field.name]
    if (def === undefined) {
      throw new ValidationFailure({
        path: [...path, field.alias ?? field.name],
        extensions: { code: 'undefinedField', typeName, fieldName: field.name },
        locations: [field.loc],
        message: `Field '${field.name}' doesn't exist on type '${typeName}'`
      })
    }
    return def
  }

  /** Static checks over the whole selection: every field exists and objects (only) have selections. */
  validate(typeName: string, selections: readonly SelectionNode[], path: string[]): void {
    for (const field of this.collect(typeName, selections)) {
      const def = this.fieldDef(typeName, field, path)
      if (def === undefined) continue
      const inner = def.type.replace(/^\[|\]$/g, '')
      const fieldPath = [...path, field.alias ?? field.name]
      const leaf = SCALARS.has(inner) || this.schema.types[inner] === undefined
      if (leaf && field.selections !== undefined) {
        throw new ValidationFailure({
          path: fieldPath,
          locations: [field.loc],
          message: `Selections can't be made on scalars (field '${field.name}' returns ${inner} but has selections [${field.selections.map((s) => (s.kind === 'Field' ? s.name : '...')).join(', ')}])`
        })
      }
      if (!leaf && field.selections === undefined) {
        throw new ValidationFailure({
          path: fieldPath,
          locations: [field.loc],
          message: `Field must have selections (field '${field.name}' returns ${inner} but has no selections. Did you mean '${field.name} { ... }'?)`
        })
      }
      if (leaf || field.selections === undefined) continue
      // On an abstract type, direct fields are checked against the interface and each
      // `... on Concrete` fragment against that concrete type.
      this.validate(inner, field.selections, fieldPath)
      if (this.schema.abstract.has(inner)) {
        for (const s of field.selections) {
          if (s.kind === 'InlineFragment' && s.typeCondition !== undefined && s.typeCondition !== inner && this.schema.types[s.typeCondition] !== undefined) {
            this.validate(s.typeCondition, s.selections, fieldPath)
          }
        }
      }
    }
  }

  selections(typeName: string, parent: unknown, selections: readonly SelectionNode[], path: (string | number)[]): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const field of this.collect(typeName, selections)) {
      const key = field.alias ?? field.name
      if (field.name === '__typename') {
        out[key] = typeName
        continue
      }
      const def = this.schema.types[typeName]?.fields[field.name] as FieldDef<Ctx>
      const args = Object.fromEntries(Object.entries(field.args).map(([k, v]) => [k, valueOf(v, this.variables)]))
      const fieldPath = [...path, key]
      let value: unknown
      try {
        value = def.resolve(parent, args, this.ctx)
      } catch (error) {
        if (!(error instanceof GraphqlError)) throw error
        const body: GraphqlErrorBody = { path: fieldPath, locations: [field.loc], message: error.message }
        if (error.type !== undefined) body.type = error.type
        this.errors.push(body)
        out[key] = null
        continue
      }
      out[key] = this.complete(def.type, value, field, fieldPath)
    }
    return out
  }

  private complete(type: string, value: unknown, field: FieldNode, path: (string | number)[]): unknown {
    if (value === null || value === undefined) return null
    if (type.startsWith('[')) {
      const inner = type.slice(1, -1)
      return (value as unknown[]).map((item, i) => this.complete(inner, item, field, [...path, i]))
    }
    if (this.schema.abstract.has(type)) {
      const typed = value as TypedValue
      return this.selections(typed.__typename, typed.value, field.selections ?? [], path)
    }
    if (this.schema.types[type] !== undefined) return this.selections(type, value, field.selections ?? [], path)
    return value
  }
}
