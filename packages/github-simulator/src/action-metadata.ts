// What the runner reads from an action.yml before running it: `runs.main` and each input's
// default (`${{ github.token }}` and other `github.*` context values evaluated). The file goes
// through js-yaml with its YAML 1.2 core schema and duplicate keys refused, as strict as the
// runner: a harness more lenient than GitHub once let two unloadable action.yml files pass.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { CORE_SCHEMA, load } from 'js-yaml'

export interface ActionMetadata {
  /** Absolute path of `runs.main`. */
  main: string
  using: string
  inputs: Record<string, { default?: string; required: boolean }>
}

type Mapping = Record<string, unknown>

function isMapping(node: unknown): node is Mapping {
  return typeof node === 'object' && node !== null && !Array.isArray(node)
}

/** Parses action metadata; a YAML error (syntax, duplicate key) names the file, line and column. */
export function parseActionYaml(source: string, file = 'action.yml'): unknown {
  return load(source, { filename: file, schema: CORE_SCHEMA })
}

export function readActionMetadata(actionYml: string): ActionMetadata {
  const root = parseActionYaml(readFileSync(actionYml, 'utf8'), actionYml)
  if (!isMapping(root)) throw new Error(`${actionYml}: the file is not a mapping`)
  const runs = root.runs
  if (!isMapping(runs) || typeof runs.main !== 'string' || runs.main === '') throw new Error(`${actionYml}: runs.main is missing`)
  const inputs: ActionMetadata['inputs'] = {}
  const declared = root.inputs ?? {}
  if (!isMapping(declared)) throw new Error(`${actionYml}: inputs is not a mapping`)
  for (const [name, spec] of Object.entries(declared)) {
    if (!isMapping(spec)) throw new Error(`${actionYml}: input ${name} is not a mapping`)
    // The runner reads scalars as strings: `default: 5` and `default: true` are '5' and 'true'.
    const fallback = spec.default
    if (fallback !== undefined && fallback !== null && typeof fallback === 'object') throw new Error(`${actionYml}: the default of input ${name} is not a scalar`)
    inputs[name] = {
      required: spec.required === true || spec.required === 'true',
      ...(fallback === undefined || fallback === null ? {} : { default: String(fallback) })
    }
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
