// What the runner reads from an action.yml before running it: `runs.main` and each input's
// default (`${{ github.token }}` and other `github.*` context values evaluated). A small
// reader for the YAML action metadata uses: nested mappings, plain and quoted scalars,
// block scalars and simple sequences; anything else is refused rather than misread.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

type Node = string | Node[] | { [key: string]: Node }

export interface ActionMetadata {
  /** Absolute path of `runs.main`. */
  main: string
  using: string
  inputs: Record<string, { default?: string; required: boolean }>
}

interface Line {
  indent: number
  text: string
  number: number
}

function stripComment(text: string): string {
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote !== undefined) {
      if (c === quote) quote = undefined
    } else if (c === '"' || c === "'") quote = c
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) return text.slice(0, i).trimEnd()
  }
  return text.trimEnd()
}

function scalar(raw: string, where: string): string {
  const v = raw.trim()
  if (v.startsWith("'")) {
    if (!v.endsWith("'") || v.length < 2) throw new Error(`${where}: unterminated quoted scalar`)
    return v.slice(1, -1).replace(/''/g, "'")
  }
  if (v.startsWith('"')) return JSON.parse(v) as string
  if (v.startsWith('{') || v.startsWith('[') || v.startsWith('&') || v.startsWith('*')) {
    throw new Error(`${where}: flow collections, anchors and aliases are not supported`)
  }
  return v
}

function blockScalar(header: string, lines: Line[], start: number, parentIndent: number): { value: string; next: number } {
  const folded = header.startsWith('>')
  const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip'
  const body: string[] = []
  let indent: number | undefined
  let i = start
  for (; i < lines.length; i++) {
    const line = lines[i] as Line
    if (line.text !== '' && line.indent <= parentIndent) break
    if (line.text !== '' && indent === undefined) indent = line.indent
    body.push(line.text === '' ? '' : ' '.repeat(line.indent - (indent ?? line.indent)) + line.text)
  }
  let value = folded ? body.join('\n').replace(/([^\n])\n(?=[^\n ])/g, '$1 ') : body.join('\n')
  if (chomp === 'strip') value = value.replace(/\n+$/, '')
  else if (chomp === 'clip') value = value.replace(/\n+$/, '') + '\n'
  return { value, next: i }
}

export function parseActionYaml(source: string, file = 'action.yml'): Node {
  const lines: Line[] = source.split(/\r?\n/).map((raw, i) => {
    const indent = raw.length - raw.trimStart().length
    return { indent, text: raw.trim().startsWith('#') ? '' : stripComment(raw.trim()), number: i + 1 }
  })
  const parse = (start: number, indent: number): { node: Node; next: number } => {
    let i = start
    while (i < lines.length && (lines[i] as Line).text === '') i++
    const first = lines[i]
    if (first === undefined || first.indent < indent) return { node: '', next: i }
    if (first.text.startsWith('- ') || first.text === '-') {
      const items: Node[] = []
      while (i < lines.length) {
        const line = lines[i] as Line
        if (line.text === '') {
          i++
          continue
        }
        if (line.indent !== first.indent || !(line.text.startsWith('- ') || line.text === '-')) break
        items.push(scalar(line.text.slice(1), `${file}:${line.number}`))
        i++
      }
      return { node: items, next: i }
    }
    const map: { [key: string]: Node } = {}
    while (i < lines.length) {
      const line = lines[i] as Line
      if (line.text === '') {
        i++
        continue
      }
      if (line.indent < first.indent) break
      if (line.indent > first.indent) throw new Error(`${file}:${line.number}: unexpected indentation`)
      const m = /^("[^"]*"|'[^']*'|[^:]+?)\s*:(?:\s+(.*))?$/.exec(line.text)
      if (m === null) throw new Error(`${file}:${line.number}: expected "key: value"`)
      const key = scalar(m[1] as string, `${file}:${line.number}`)
      const rest = m[2] ?? ''
      if (/^[|>][-+]?$/.test(rest)) {
        const block = blockScalar(rest, lines, i + 1, line.indent)
        map[key] = block.value
        i = block.next
      } else if (rest === '') {
        const child = parse(i + 1, line.indent + 1)
        map[key] = child.node
        i = child.next
      } else {
        map[key] = scalar(rest, `${file}:${line.number}`)
        i++
      }
    }
    return { node: map, next: i }
  }
  return parse(0, 0).node
}

function mapping(node: Node | undefined): { [key: string]: Node } {
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? node : {}
}

export function readActionMetadata(actionYml: string): ActionMetadata {
  const root = mapping(parseActionYaml(readFileSync(actionYml, 'utf8'), actionYml))
  const runs = mapping(root.runs)
  if (typeof runs.main !== 'string') throw new Error(`${actionYml}: runs.main is missing`)
  const inputs: ActionMetadata['inputs'] = {}
  for (const [name, spec] of Object.entries(mapping(root.inputs))) {
    const s = mapping(spec)
    inputs[name] = { required: s.required === 'true', ...(typeof s.default === 'string' ? { default: s.default } : {}) }
  }
  return { main: resolve(dirname(actionYml), runs.main), using: typeof runs.using === 'string' ? runs.using : '', inputs }
}

/**
 * Evaluates the `${{ github.<path> }}` expressions an input default may hold, from the
 * step's environment, its event payload and the token. Anything richer is refused.
 */
export function evaluateDefault(value: string, context: { env: Record<string, string>; token?: string }): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_whole, expression: string) => {
    const m = /^github\.([A-Za-z_][\w.]*)$/.exec(expression)
    if (m === null) throw new Error(`runAction cannot evaluate the default \${{ ${expression} }}`)
    const path = (m[1] as string).split('.')
    if (path[0] === 'token') {
      if (context.token === undefined) throw new Error('an input defaults to ${{ github.token }}: pass `token` to runAction')
      return context.token
    }
    if (path[0] === 'event') {
      const eventPath = context.env.GITHUB_EVENT_PATH
      let node: unknown = eventPath === undefined ? {} : JSON.parse(readFileSync(eventPath, 'utf8'))
      for (const key of path.slice(1)) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined
      return node === undefined || node === null ? '' : typeof node === 'object' ? JSON.stringify(node) : String(node)
    }
    const variable = `GITHUB_${(path[0] as string).toUpperCase()}`
    return path.length === 1 ? (context.env[variable] ?? '') : ''
  })
}
