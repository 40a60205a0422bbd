// Reading typed values out of the positioned YAML tree. Each reader either returns a value
// or records a Problem at the node's line and column and returns undefined, so that one
// pass over the file reports every problem in it, not just the first.
import { nearestWord, sectionsAccepting } from './key-suggestions'
import { globProblem } from './globs'
import { SECTION_KEYS, type SectionPath } from './policy-schema'
import { principalProblem } from './principals'
import type { LineIndex } from './source-positions'
import type { Problem } from './types'
import type { YamlEntry, YamlNode } from './yaml-document'

export interface Located {
  offset: number
}

export class PolicyReader {
  readonly problems: Problem[] = []
  readonly warnings: Problem[] = []

  constructor(
    readonly file: string,
    private readonly lines: LineIndex
  ) {}

  problemAt(at: Located | undefined, message: string, fix: string): Problem {
    const problem: Problem = { message, fix, file: this.file }
    const { line, column } = this.lines.positionOf(at?.offset ?? 0)
    problem.line = line
    problem.column = column
    return problem
  }

  error(at: Located | undefined, message: string, fix: string): void {
    this.problems.push(this.problemAt(at, message, fix))
  }

  warn(at: Located | undefined, message: string, fix: string): void {
    this.warnings.push(this.problemAt(at, message, fix))
  }

  /**
   * The known keys of a mapping. Unknown and repeated keys are reported here, once, for
   * every section. `undefined` when the section is absent or not a mapping.
   */
  section(node: YamlNode | undefined, schema: SectionPath, name: string): Map<string, YamlEntry> | undefined {
    if (!node) return undefined
    if (node.kind === 'scalar' && node.type === 'null') {
      if (name !== '') this.warn(node, `\`${name}\` is empty, so its defaults apply.`, `Add settings under \`${name}\`, or remove the key.`)
      return undefined
    }
    if (node.kind !== 'mapping') {
      this.error(node, `${name === '' ? 'The policy file' : `\`${name}\``} must be a mapping of settings, but it is ${describeNode(node)}.`, `Write \`key: value\` lines${name === '' ? '' : ` indented under \`${name}:\``}.`)
      return undefined
    }
    const allowed: readonly string[] = SECTION_KEYS[schema]
    const known = new Map<string, YamlEntry>()
    const seen = new Set<string>()
    for (const entry of node.entries) {
      const key = entry.key
      if (key.kind !== 'scalar') {
        this.error(key, `A key in ${where(name)} is ${describeNode(key)}; keys must be plain names.`, 'Write the key as a plain name followed by `:`.')
        continue
      }
      const keyName = key.text
      const fullName = name === '' ? keyName : `${name}.${keyName}`
      if (seen.has(keyName)) {
        this.error(key, `\`${fullName}\` is set more than once.`, `Keep one \`${keyName}:\` in ${where(name)} and remove the other.`)
        continue
      }
      seen.add(keyName)
      if (!allowed.includes(keyName)) {
        this.error(key, `Unknown key \`${keyName}\` in ${where(name)}.`, unknownKeyFix(keyName, allowed, schema))
        continue
      }
      known.set(keyName, entry)
    }
    return known
  }

  /** The value under `key`, read with `read`, when the key is present and valid. */
  optional<T>(keys: Map<string, YamlEntry>, key: string, section: string, read: (node: YamlNode, name: string) => T | undefined): T | undefined {
    const entry = keys.get(key)
    return entry ? read(entry.value, section === '' ? key : `${section}.${key}`) : undefined
  }

  string(node: YamlNode, name: string): string | undefined {
    if (node.kind === 'scalar' && node.type === 'str') {
      if (node.text.trim() === '') {
        this.error(node, `\`${name}\` is empty.`, `Write a value for \`${lastKey(name)}\`, or remove the key.`)
        return undefined
      }
      return node.text
    }
    this.error(node, `\`${name}\` must be text, but it is ${describeNode(node)}.`, `Write \`${lastKey(name)}\` as text${node.kind === 'scalar' && node.type !== 'null' ? ` (quote it: "${node.text}")` : ''}.`)
    return undefined
  }

  /** A list of non-empty strings; `check` validates each item and reports its own problems. */
  stringList(node: YamlNode, name: string, check?: (item: string, at: YamlNode, itemName: string) => boolean): string[] | undefined {
    if (node.kind !== 'sequence') {
      const example = node.kind === 'scalar' && node.type !== 'null' ? `${lastKey(name)}: [${node.text}]` : `${lastKey(name)}: []`
      const what = node.kind === 'scalar' && node.type === 'null' ? 'it is empty' : `it is ${describeNode(node)}`
      this.error(node, `\`${name}\` must be a list, but ${what}.`, `Write a YAML list, e.g. \`${example}\`${node.kind === 'scalar' && node.type === 'null' ? ' for none, or remove the key to use the default' : ''}.`)
      return undefined
    }
    const values: string[] = []
    let ok = true
    node.items.forEach((item, index) => {
      const itemName = `${name}[${index}]`
      if (item.kind !== 'scalar' || item.type === 'null') {
        this.error(item, `\`${itemName}\` must be text, but it is ${describeNode(item)}.`, `Write each item of \`${lastKey(name)}\` as text.`)
        ok = false
        return
      }
      if (item.text.trim() === '') {
        this.error(item, `\`${itemName}\` is empty.`, `Remove the empty item from \`${lastKey(name)}\`.`)
        ok = false
        return
      }
      if (check && !check(item.text, item, itemName)) {
        ok = false
        return
      }
      values.push(item.text)
    })
    return ok ? values : undefined
  }

  /** A list whose items must each be one of `allowed`. */
  words<T extends string>(node: YamlNode, name: string, allowed: readonly T[], noun: string): T[] | undefined {
    return this.stringList(node, name, (item, at, itemName) => this.isWord(item, at, itemName, allowed, noun)) as T[] | undefined
  }

  word<T extends string>(node: YamlNode, name: string, allowed: readonly T[], noun: string): T | undefined {
    const text = this.string(node, name)
    if (text === undefined) return undefined
    return this.isWord(text, node, name, allowed, noun) ? (text as T) : undefined
  }

  private isWord(text: string, at: YamlNode, name: string, allowed: readonly string[], noun: string): boolean {
    if (allowed.includes(text)) return true
    const suggestion = nearestWord(text, allowed)
    this.error(at, `\`${name}\`: \`${text}\` is not a known ${noun}.`, `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Use one of: ${allowed.map((word) => `\`${word}\``).join(', ')}.`)
    return false
  }

  /** A whole number, at least `min`. */
  count(node: YamlNode, name: string, min = 0): number | undefined {
    if (node.kind === 'scalar' && node.type === 'int' && typeof node.value === 'number' && Number.isSafeInteger(node.value)) {
      if (node.value >= min) return node.value
      this.error(node, `\`${name}\` is ${node.value}, but it must be ${min === 0 ? 'zero or more' : `at least ${min}`}.`, `Write a whole number of ${min} or more.`)
      return undefined
    }
    const what = node.kind === 'scalar' && node.type === 'float' ? `${node.text}, not a whole number` : describeNode(node)
    this.error(node, `\`${name}\` must be a whole number, but it is ${what}.`, `Write a whole number of ${min} or more${node.kind === 'scalar' && node.type === 'str' && /^\d+$/.test(node.text) ? ', without quotes' : ''}.`)
    return undefined
  }

  boolean(node: YamlNode, name: string): boolean | undefined {
    if (node.kind === 'scalar' && node.type === 'bool') return node.value as boolean
    const hint = node.kind === 'scalar' && /^(yes|no|on|off|y|n)$/i.test(node.text) ? ` (YAML 1.2 reads \`${node.text}\` as text)` : ''
    this.error(node, `\`${name}\` must be true or false, but it is ${describeNode(node)}${hint}.`, `Write \`${lastKey(name)}: true\` or \`${lastKey(name)}: false\`.`)
    return undefined
  }

  globList(node: YamlNode, name: string): string[] | undefined {
    return this.stringList(node, name, (glob, at, itemName) => {
      const problem = globProblem(glob)
      if (!problem) return true
      this.error(at, `\`${itemName}\`: the glob \`${glob}\` ${problem.message}, so it can never match.`, problem.fix)
      return false
    })
  }

  principalList(node: YamlNode, name: string): string[] | undefined {
    return this.stringList(node, name, (principal, at, itemName) => {
      const problem = principalProblem(principal)
      if (!problem) return true
      this.error(at, `\`${itemName}\`: ${problem.message}.`, problem.fix)
      return false
    })
  }
}

function unknownKeyFix(key: string, allowed: readonly string[], schema: SectionPath): string {
  const suggestion = nearestWord(key, allowed)
  if (suggestion) return `Did you mean \`${suggestion}\`?`
  const elsewhere = sectionsAccepting(key, schema)
  if (elsewhere.length > 0) return `\`${key}\` belongs under ${elsewhere.join(' or ')}; move it there.`
  return `Remove it, or use one of: ${allowed.map((word) => `\`${word}\``).join(', ')}.`
}

function where(name: string): string {
  return name === '' ? 'the policy file' : `\`${name}\``
}

function lastKey(name: string): string {
  const key = name.replace(/\[\d+\]$/, '').split('.').pop() ?? name
  return key.replace(/\[\d+\]/g, '')
}

export function describeNode(node: YamlNode): string {
  if (node.kind === 'sequence') return 'a list'
  if (node.kind === 'mapping') return 'a mapping'
  switch (node.type) {
    case 'null':
      return 'empty'
    case 'bool':
      return `\`${node.text}\` (true/false)`
    case 'int':
    case 'float':
      return `the number ${node.text}`
    default:
      return `the text "${node.text.length > 40 ? `${node.text.slice(0, 40)}…` : node.text}"`
  }
}
