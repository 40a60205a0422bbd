// A GraphQL document parser for the executable subset clients send: operations with
// variables, fields with aliases and arguments, fragments (named and inline) and the
// @include/@skip directives. No schema language. Errors carry line and column.

export type ValueNode =
  | { kind: 'Variable'; name: string }
  | { kind: 'Scalar'; value: string | number | boolean | null }
  | { kind: 'Enum'; value: string }
  | { kind: 'List'; values: ValueNode[] }
  | { kind: 'Object'; fields: Record<string, ValueNode> }

export interface Location {
  line: number
  column: number
}

export interface DirectiveNode {
  name: string
  args: Record<string, ValueNode>
}

export interface FieldNode {
  kind: 'Field'
  alias?: string
  name: string
  args: Record<string, ValueNode>
  directives: DirectiveNode[]
  selections?: SelectionNode[]
  loc: Location
}

export type SelectionNode =
  | FieldNode
  | { kind: 'FragmentSpread'; name: string; directives: DirectiveNode[]; loc: Location }
  | { kind: 'InlineFragment'; typeCondition?: string; directives: DirectiveNode[]; selections: SelectionNode[]; loc: Location }

export interface OperationNode {
  operation: 'query' | 'mutation' | 'subscription'
  name?: string
  variables: { name: string; defaultValue?: ValueNode }[]
  selections: SelectionNode[]
  loc: Location
}

export interface DocumentNode {
  operations: OperationNode[]
  fragments: Map<string, { typeCondition: string; selections: SelectionNode[] }>
}

export class GraphqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly loc: Location
  ) {
    super(message)
  }
}

type TokenKind = 'punct' | 'name' | 'int' | 'float' | 'string' | 'eof'
interface Token {
  kind: TokenKind
  value: string
  loc: Location
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  let line = 1
  let lineStart = 0
  const loc = (): Location => ({ line, column: i - lineStart + 1 })
  while (i < source.length) {
    const c = source[i] as string
    if (c === '\n') {
      line++
      i++
      lineStart = i
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === '\ufeff') {
      i++
      continue
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++
      continue
    }
    const start = loc()
    if (source.startsWith('...', i)) {
      tokens.push({ kind: 'punct', value: '...', loc: start })
      i += 3
      continue
    }
    if ('!$():=@[]{}|&'.includes(c)) {
      tokens.push({ kind: 'punct', value: c, loc: start })
      i++
      continue
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i)) as RegExpExecArray
      tokens.push({ kind: 'name', value: m[0], loc: start })
      i += m[0].length
      continue
    }
    if (/[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i))
      if (m === null) throw new GraphqlSyntaxError(`Parse error on "${c}" at [${start.line}, ${start.column}]`, start)
      tokens.push({ kind: m[2] !== undefined || m[3] !== undefined ? 'float' : 'int', value: m[0], loc: start })
      i += m[0].length
      continue
    }
    if (source.startsWith('"""', i)) {
      const end = source.indexOf('"""', i + 3)
      if (end === -1) throw new GraphqlSyntaxError(`Unterminated string at [${start.line}, ${start.column}]`, start)
      const raw = source.slice(i + 3, end)
      for (const ch of raw) if (ch === '\n') line++
      tokens.push({ kind: 'string', value: raw, loc: start })
      i = end + 3
      continue
    }
    if (c === '"') {
      let j = i + 1
      let value = ''
      while (j < source.length && source[j] !== '"') {
        if (source[j] === '\n') throw new GraphqlSyntaxError(`Unterminated string at [${start.line}, ${start.column}]`, start)
        if (source[j] === '\\') {
          const next = source[j + 1] ?? ''
          const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' }
          if (next === 'u') {
            value += String.fromCharCode(parseInt(source.slice(j + 2, j + 6), 16))
            j += 6
          } else {
            value += escapes[next] ?? next
            j += 2
          }
        } else {
          value += source[j]
          j++
        }
      }
      if (j >= source.length) throw new GraphqlSyntaxError(`Unterminated string at [${start.line}, ${start.column}]`, start)
      tokens.push({ kind: 'string', value, loc: start })
      i = j + 1
      continue
    }
    throw new GraphqlSyntaxError(`Parse error on "${c}" at [${start.line}, ${start.column}]`, start)
  }
  tokens.push({ kind: 'eof', value: '', loc: loc() })
  return tokens
}

class Parser {
  private pos = 0
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token
  }

  private next(): Token {
    const t = this.peek()
    this.pos++
    return t
  }

  private fail(t: Token): never {
    const shown = t.kind === 'eof' ? 'end of file' : `"${t.value}"`
    throw new GraphqlSyntaxError(`Parse error on ${shown} (${t.kind.toUpperCase()}) at [${t.loc.line}, ${t.loc.column}]`, t.loc)
  }

  private is(value: string): boolean {
    const t = this.peek()
    return t.kind === 'punct' && t.value === value
  }

  private expect(value: string): Token {
    const t = this.next()
    if (t.kind !== 'punct' || t.value !== value) this.fail(t)
    return t
  }

  private name(): string {
    const t = this.next()
    if (t.kind !== 'name') this.fail(t)
    return t.value
  }

  document(): DocumentNode {
    const doc: DocumentNode = { operations: [], fragments: new Map() }
    while (this.peek().kind !== 'eof') {
      const t = this.peek()
      if (this.is('{')) {
        doc.operations.push({ operation: 'query', variables: [], selections: this.selectionSet(), loc: t.loc })
      } else if (t.kind === 'name' && t.value === 'fragment') {
        this.next()
        const name = this.name()
        if (this.name() !== 'on') this.fail(this.tokens[this.pos - 1] as Token)
        const typeCondition = this.name()
        this.directives()
        doc.fragments.set(name, { typeCondition, selections: this.selectionSet() })
      } else if (t.kind === 'name' && (t.value === 'query' || t.value === 'mutation' || t.value === 'subscription')) {
        this.next()
        const op: OperationNode = { operation: t.value as OperationNode['operation'], variables: [], selections: [], loc: t.loc }
        if (this.peek().kind === 'name') op.name = this.name()
        if (this.is('(')) op.variables = this.variableDefinitions()
        this.directives()
        op.selections = this.selectionSet()
        doc.operations.push(op)
      } else {
        this.fail(t)
      }
    }
    return doc
  }

  private variableDefinitions(): OperationNode['variables'] {
    this.expect('(')
    const defs: OperationNode['variables'] = []
    while (!this.is(')')) {
      this.expect('$')
      const name = this.name()
      this.expect(':')
      this.type()
      const def: OperationNode['variables'][number] = { name }
      if (this.is('=')) {
        this.next()
        def.defaultValue = this.value()
      }
      this.directives()
      defs.push(def)
    }
    this.expect(')')
    return defs
  }

  private type(): void {
    if (this.is('[')) {
      this.next()
      this.type()
      this.expect(']')
    } else {
      this.name()
    }
    if (this.is('!')) this.next()
  }

  private directives(): DirectiveNode[] {
    const out: DirectiveNode[] = []
    while (this.is('@')) {
      this.next()
      const name = this.name()
      out.push({ name, args: this.is('(') ? this.arguments() : {} })
    }
    return out
  }

  private selectionSet(): SelectionNode[] {
    this.expect('{')
    const selections: SelectionNode[] = []
    while (!this.is('}')) selections.push(this.selection())
    this.expect('}')
    if (selections.length === 0) this.fail(this.tokens[this.pos - 1] as Token)
    return selections
  }

  private selection(): SelectionNode {
    const t = this.peek()
    if (this.is('...')) {
      this.next()
      const after = this.peek()
      if (after.kind === 'name' && after.value !== 'on') {
        const name = this.name()
        return { kind: 'FragmentSpread', name, directives: this.directives(), loc: t.loc }
      }
      let typeCondition: string | undefined
      if (after.kind === 'name' && after.value === 'on') {
        this.next()
        typeCondition = this.name()
      }
      const directives = this.directives()
      const node: SelectionNode = { kind: 'InlineFragment', directives, selections: this.selectionSet(), loc: t.loc }
      if (typeCondition !== undefined) node.typeCondition = typeCondition
      return node
    }
    let name = this.name()
    let alias: string | undefined
    if (this.is(':')) {
      this.next()
      alias = name
      name = this.name()
    }
    const field: FieldNode = { kind: 'Field', name, args: this.is('(') ? this.arguments() : {}, directives: this.directives(), loc: t.loc }
    if (alias !== undefined) field.alias = alias
    if (this.is('{')) field.selections = this.selectionSet()
    return field
  }

  private arguments(): Record<string, ValueNode> {
    this.expect('(')
    const args: Record<string, ValueNode> = {}
    while (!this.is(')')) {
      const name = this.name()
      this.expect(':')
      args[name] = this.value()
    }
    this.expect(')')
    return args
  }

  private value(): ValueNode {
    const t = this.next()
    if (t.kind === 'punct' && t.value === '$') return { kind: 'Variable', name: this.name() }
    if (t.kind === 'int' || t.kind === 'float') return { kind: 'Scalar', value: Number(t.value) }
    if (t.kind === 'string') return { kind: 'Scalar', value: t.value }
    if (t.kind === 'name') {
      if (t.value === 'true' || t.value === 'false') return { kind: 'Scalar', value: t.value === 'true' }
      if (t.value === 'null') return { kind: 'Scalar', value: null }
      return { kind: 'Enum', value: t.value }
    }
    if (t.kind === 'punct' && t.value === '[') {
      const values: ValueNode[] = []
      while (!this.is(']')) values.push(this.value())
      this.next()
      return { kind: 'List', values }
    }
    if (t.kind === 'punct' && t.value === '{') {
      const fields: Record<string, ValueNode> = {}
      while (!this.is('}')) {
        const name = this.name()
        this.expect(':')
        fields[name] = this.value()
      }
      this.next()
      return { kind: 'Object', fields }
    }
    return this.fail(t)
  }
}

export function parseDocument(source: string): DocumentNode {
  return new Parser(tokenize(source)).document()
}
