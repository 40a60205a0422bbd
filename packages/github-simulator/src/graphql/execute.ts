// Executes a GraphQL request with graphql-js over GitHub's published schema and the
// simulator's resolvers. Validation is graphql-js's (the reference implementation), so what
// GitHub refuses is refused here; answers are shaped as GitHub shapes them: validation
// failures give errors only, no data; a resolver's error nulls its field and is listed with
// its path and GitHub's `type`.
import {
  GraphQLError,
  Kind,
  execute as executeDocument,
  getNamedType,
  getOperationAST,
  parse,
  validate,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
  type OperationDefinitionNode
} from 'graphql'
import { githubSchema } from './github-schema'

export interface GraphqlErrorBody {
  message: string
  type?: string
  path?: (string | number)[]
  locations?: { line: number; column: number }[]
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

/** A value of an interface or union type: the concrete type it is. */
export interface TypedValue {
  __typename: string
  value: unknown
}

export type Resolver<Ctx> = (parent: never, args: Record<string, unknown>, ctx: Ctx) => unknown
/** Per GraphQL type name, per field name: how the simulator answers it. */
export type Resolvers<Ctx> = Record<string, Record<string, Resolver<Ctx>>>

/** A field that GitHub's schema has but the simulator does not answer: a gap in the test harness, not a client error. */
export class UnsimulatedFieldError extends Error {}

export interface ExecutionResult {
  data?: Record<string, unknown> | null
  errors?: GraphqlErrorBody[]
  /** Root fields asked for, for the call log. */
  fields: string[]
}

const isTyped = (value: unknown): value is TypedValue =>
  typeof value === 'object' && value !== null && '__typename' in value && 'value' in value

/** Why the caller may not read a value of this GraphQL type, or null when it may. */
export type Authorize<Ctx> = (typeName: string, ctx: Ctx) => string | null

export function execute<Ctx>(
  resolvers: Resolvers<Ctx>,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string | null },
  ctx: Ctx,
  authorize: Authorize<Ctx> = () => null
): ExecutionResult {
  const schema = githubSchema()
  let document: DocumentNode
  try {
    document = parse(request.query)
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [errorBody(error)], fields: [] }
    throw error
  }
  const operation = getOperationAST(document, request.operationName ?? undefined)
  const fields = operation === null || operation === undefined ? [] : rootFields(operation)
  const invalid = validate(schema, document)
  if (invalid.length > 0) return { errors: invalid.map((e) => validationError(e, document)), fields }

  const fieldResolver: GraphQLFieldResolver<unknown, Ctx> = (source, args, context, info) => {
    const resolve = resolvers[info.parentType.name]?.[info.fieldName]
    if (resolve === undefined) {
      throw new UnsimulatedFieldError(`The simulator does not answer ${info.parentType.name}.${info.fieldName}: add a resolver in packages/github-simulator/src/graphql/resolvers.ts.`)
    }
    const denied = authorize(getNamedType(info.returnType).name, context)
    if (denied !== null) throw new GraphqlError(denied, 'FORBIDDEN')
    return resolve((isTyped(source) ? source.value : source) as never, args, context)
  }
  const typeResolver: GraphQLTypeResolver<unknown, Ctx> = (value, _ctx, _info, abstractType) => {
    if (isTyped(value)) return value.__typename
    throw new UnsimulatedFieldError(`A value of the abstract type ${abstractType.name} was returned without its __typename.`)
  }
  const result = executeDocument({
    schema,
    document,
    variableValues: request.variables ?? {},
    operationName: request.operationName ?? undefined,
    contextValue: ctx,
    fieldResolver,
    typeResolver
  }) as { data?: Record<string, unknown> | null; errors?: readonly GraphQLError[] }
  if ('then' in result) throw new Error('The simulator resolves synchronously; a resolver returned a promise.')
  const errors = result.errors ?? []
  const gap = errors.find((e) => e.originalError instanceof UnsimulatedFieldError)
  if (gap !== undefined) throw gap.originalError
  // Variables that do not fit their types fail before execution: errors only, as on GitHub.
  if (result.data === undefined) return { errors: errors.map(errorBody), fields }
  const data = result.data ?? null
  return errors.length > 0 ? { data, errors: errors.map(errorBody), fields } : { data, fields }
}

function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []))
}

function errorBody(error: GraphQLError): GraphqlErrorBody {
  const original = error.originalError
  return {
    message: error.message,
    ...(original instanceof GraphqlError && original.type !== undefined ? { type: original.type } : {}),
    ...(error.path === undefined ? {} : { path: [...error.path] }),
    ...(error.locations === undefined ? {} : { locations: error.locations.map(({ line, column }) => ({ line, column })) })
  }
}

const UNDEFINED_FIELD = /^Cannot query field "([^"]+)" on type "([^"]+)"\./

/** graphql-js's validation error, in GitHub's words where GitHub's differ (an unknown field). */
function validationError(error: GraphQLError, document: DocumentNode): GraphqlErrorBody {
  const locations = error.locations?.map(({ line, column }) => ({ line, column }))
  const unknown = UNDEFINED_FIELD.exec(error.message)
  if (unknown !== null) {
    const [, fieldName = '', typeName = ''] = unknown
    const node = error.nodes?.[0]
    return {
      ...(node === undefined ? {} : { path: selectionPath(document, node) }),
      extensions: { code: 'undefinedField', typeName, fieldName },
      ...(locations === undefined ? {} : { locations }),
      message: `Field '${fieldName}' doesn't exist on type '${typeName}'`
    }
  }
  return { message: error.message, ...(locations === undefined ? {} : { locations }) }
}

/** GitHub's path for a node in a document: the operation (or fragment), then the field names down to it. */
function selectionPath(document: DocumentNode, target: ASTNode): string[] {
  const path: string[] = []
  let found: string[] = []
  visit(document, {
    OperationDefinition: {
      enter: (op) => void path.push(op.name === undefined ? op.operation : `${op.operation} ${op.name.value}`),
      leave: () => void path.pop()
    },
    FragmentDefinition: {
      enter: (fragment) => void path.push(`fragment ${fragment.name.value}`),
      leave: () => void path.pop()
    },
    Field: {
      enter: (field) => {
        path.push(field.name.value)
        if (field === target) found = [...path]
      },
      leave: () => void path.pop()
    }
  })
  return found
}

