// The policy file as a tree that remembers where each node was written, so that every
// problem can point at a line and column. js-yaml's `load` gives values without positions
// and its AST gives neither offsets nor duplicate-key detection, so the tree is built from
// the parser's event stream, which references the source by offset.
import {
  CORE_SCHEMA,
  EVENT_ID,
  SCALAR_STYLE,
  YAMLException,
  getScalarValue,
  parseEvents,
  type Event,
  type ScalarEvent
} from 'js-yaml'

export type ScalarType = 'str' | 'int' | 'float' | 'bool' | 'null'

export interface YamlScalar {
  kind: 'scalar'
  type: ScalarType
  value: string | number | boolean | null
  /** The decoded text, whatever the type (a key's name, a version as written). */
  text: string
  offset: number
}

export interface YamlSequence {
  kind: 'sequence'
  items: YamlNode[]
  offset: number
}

export interface YamlEntry {
  key: YamlNode
  value: YamlNode
}

export interface YamlMapping {
  kind: 'mapping'
  entries: YamlEntry[]
  offset: number
}

export type YamlNode = YamlScalar | YamlSequence | YamlMapping

/** A problem found while reading the YAML itself, before any policy rule applies. */
export interface YamlSyntaxProblem {
  message: string
  fix: string
  offset?: number
  /** 1-based, when the parser reported a position rather than an offset. */
  line?: number
  column?: number
}

export type YamlParseResult =
  | { ok: true; root: YamlNode | null }
  | { ok: false; problems: YamlSyntaxProblem[] }

type Frame =
  | { kind: 'document' }
  | { kind: 'sequence'; node: YamlSequence }
  | { kind: 'mapping'; node: YamlMapping; pendingKey: YamlNode | undefined }

const SCALAR_TYPES: Record<string, ScalarType> = {
  'tag:yaml.org,2002:str': 'str',
  'tag:yaml.org,2002:int': 'int',
  'tag:yaml.org,2002:float': 'float',
  'tag:yaml.org,2002:bool': 'bool',
  'tag:yaml.org,2002:null': 'null'
}

// Tags that change nothing about a value's meaning here. Any other tag (`!!set`, `!!binary`,
// a custom `!thing`) would make the file mean something the schema cannot check.
const HARMLESS_TAGS = new Set(['!', '!!str', '!!map', '!!seq', '!<tag:yaml.org,2002:str>'])

export function parseYamlDocument(source: string): YamlParseResult {
  let events: Event[]
  try {
    events = parseEvents(source, {})
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(error)] }
  }
  try {
    return buildTree(source, events)
  } catch (error) {
    // The event stream comes from the parser we just ran; a failure here is a bug in this
    // file, but parsePolicy must still answer with a problem instead of throwing.
    return { ok: false, problems: [{ message: `The policy file could not be read: ${describeError(error)}`, fix: 'Simplify the YAML (no anchors, tags or complex keys) and try again.' }] }
  }
}

function syntaxProblem(error: unknown): YamlSyntaxProblem {
  if (error instanceof YAMLException) {
    const problem: YamlSyntaxProblem = {
      message: `The policy file is not valid YAML: ${error.reason}.`,
      fix: 'Fix the YAML syntax at this position (check indentation, quoting and brackets).'
    }
    if (error.mark) {
      problem.line = error.mark.line + 1
      problem.column = error.mark.column + 1
    }
    return problem
  }
  return { message: `The policy file is not valid YAML: ${describeError(error)}.`, fix: 'Fix the YAML syntax.' }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function buildTree(source: string, events: Event[]): YamlParseResult {
  const problems: YamlSyntaxProblem[] = []
  const anchors = new Map<string, YamlNode>()
  const open = new Set<YamlNode>()
  const stack: Frame[] = []
  const documents: (YamlNode | null)[] = []
  const documentStarts: number[] = []

  const attach = (node: YamlNode): void => {
    const frame = stack[stack.length - 1]
    if (!frame) return
    // An empty value (`key:`) has no range of its own: point at what it belongs to.
    if (node.offset < 0) node.offset = frame.kind === 'document' ? 0 : frame.kind === 'mapping' ? (frame.pendingKey ?? frame.node).offset : frame.node.offset
    if (frame.kind === 'document') {
      documents[documents.length - 1] = node
    } else if (frame.kind === 'sequence') {
      frame.node.items.push(node)
    } else if (frame.pendingKey === undefined) {
      frame.pendingKey = node
    } else {
      frame.node.entries.push({ key: frame.pendingKey, value: node })
      frame.pendingKey = undefined
    }
  }

  const checkTag = (start: number, end: number): void => {
    if (start < 0) return
    const tag = source.slice(start, end)
    if (!HARMLESS_TAGS.has(tag)) {
      problems.push({
        message: `The YAML tag \`${tag}\` is not supported in the policy file.`,
        fix: `Remove \`${tag}\` and write the value plainly.`,
        offset: start
      })
    }
  }

  const remember = (anchorStart: number, anchorEnd: number, node: YamlNode): void => {
    if (anchorStart >= 0) anchors.set(source.slice(anchorStart, anchorEnd), node)
  }

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents.push(null)
        documentStarts.push(-1)
        stack.push({ kind: 'document' })
        break
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const node: YamlMapping | YamlSequence =
          event.type === EVENT_ID.MAPPING
            ? { kind: 'mapping', entries: [], offset: event.start }
            : { kind: 'sequence', items: [], offset: event.start }
        checkTag(event.tagStart, event.tagEnd)
        noteDocumentStart(stack, documentStarts, event.start)
        attach(node)
        remember(event.anchorStart, event.anchorEnd, node)
        open.add(node)
        stack.push(node.kind === 'mapping' ? { kind: 'mapping', node, pendingKey: undefined } : { kind: 'sequence', node })
        break
      }
      case EVENT_ID.SCALAR: {
        const node = scalarNode(source, event)
        noteDocumentStart(stack, documentStarts, node.offset)
        attach(node)
        checkTag(event.tagStart, event.tagEnd)
        remember(event.anchorStart, event.anchorEnd, node)
        break
      }
      case EVENT_ID.ALIAS: {
        const name = source.slice(event.anchorStart, event.anchorEnd)
        const offset = Math.max(0, event.anchorStart - 1)
        const target = anchors.get(name)
        if (!target) {
          problems.push({ message: `The alias \`*${name}\` refers to no anchor.`, fix: `Define \`&${name}\` before using \`*${name}\`, or write the value out.`, offset })
          attach({ kind: 'scalar', type: 'null', value: null, text: '', offset })
        } else if (open.has(target)) {
          // An alias inside the collection it names would make the policy infinitely deep.
          problems.push({ message: `The alias \`*${name}\` refers to a collection that contains it.`, fix: `Write the value out instead of using \`*${name}\`.`, offset })
          attach({ kind: 'scalar', type: 'null', value: null, text: '', offset })
        } else {
          // Point at where the alias is used: that is where the value takes effect.
          attach({ ...target, offset })
        }
        break
      }
      case EVENT_ID.POP: {
        const frame = stack.pop()
        if (frame && frame.kind !== 'document') open.delete(frame.node)
        break
      }
    }
  }

  if (documents.length > 1) {
    const start = documentStarts[1] ?? -1
    problems.push({
      message: 'The policy file holds more than one YAML document.',
      fix: 'Keep a single document: remove the `---` separator and everything after it, or merge the documents.',
      ...(start >= 0 ? { offset: start } : {})
    })
  }
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, root: documents[0] ?? null }
}

function noteDocumentStart(stack: Frame[], starts: number[], offset: number): void {
  if (stack[stack.length - 1]?.kind === 'document' && starts.length > 0 && offset >= 0) {
    starts[starts.length - 1] = offset
  }
}

function scalarNode(source: string, event: ScalarEvent): YamlScalar {
  const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED
  // An empty value has no range; `attach` gives it its parent's position.
  const offset = event.valueStart < 0 ? -1 : quoted ? Math.max(0, event.valueStart - 1) : event.valueStart
  const text = event.valueStart < 0 ? '' : getScalarValue(source, event)
  const untaggedPlain = event.style === SCALAR_STYLE.PLAIN && event.tagStart < 0
  if (!untaggedPlain) return { kind: 'scalar', type: 'str', value: text, text, offset }
  const resolved = CORE_SCHEMA.resolveImplicitScalarTag(text)
  const type = SCALAR_TYPES[resolved.tag.tagName] ?? 'str'
  const value = type === 'str' ? text : (resolved.value as YamlScalar['value'])
  return { kind: 'scalar', type, value, text, offset }
}
