// actions/<name>/action.yml as the runner and the Marketplace read it: strict YAML, GitHub's
// own action schema (@actions/workflow-parser's parseAction), and the keys GitHub documents
// (https://docs.github.com/actions/reference/workflows-and-actions/metadata-syntax), with
// `runs.main` existing on disk and the branding from the documented lists.
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { NoOperationTraceWriter } from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/index'
import { BRANDING_COLORS, BRANDING_ICONS } from './branding'
import type { Problem } from './problem'
import { isMapping, loadStrictYaml, type Mapping } from './strict-yaml'

const ROOT_KEYS = ['name', 'description', 'author', 'inputs', 'outputs', 'runs', 'branding']
const INPUT_KEYS = ['description', 'default', 'required', 'deprecationMessage']
const NODE_RUNS_KEYS = ['using', 'main', 'pre', 'pre-if', 'post', 'post-if']
const COMPOSITE_RUNS_KEYS = ['using', 'steps']
const BRANDING_KEYS = ['icon', 'color']
/** Our JavaScript actions run on the runtime GitHub supports longest. */
const NODE_RUNTIME = 'node24'

export interface ActionInputSpec {
  description: string
  default?: string
  required: boolean
  deprecationMessage?: string
}

export interface ActionSpec {
  name: string
  description: string
  inputs: Record<string, ActionInputSpec>
  outputs: Record<string, { description: string; value?: string }>
  using: string
}

function unknownKeys(where: string, node: Mapping, allowed: readonly string[], file: string): Problem[] {
  return Object.keys(node)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({ file, message: `${where} has the key \`${key}\`, which GitHub does not read there (allowed: ${allowed.join(', ')})` }))
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

/** Checks one action.yml; `file` is its path (for messages and to resolve `runs.main`). */
export function checkActionMetadata(file: string, text: string): { problems: Problem[]; spec?: ActionSpec } {
  const loaded = loadStrictYaml(file, text)
  if ('problem' in loaded) return { problems: [loaded.problem] }
  const problems: Problem[] = []
  const parsed = parseAction({ name: file, content: text }, new NoOperationTraceWriter())
  for (const error of parsed.context.errors.getErrors()) problems.push({ file, message: `GitHub's action schema: ${error.message}` })

  const root = loaded.value
  if (!isMapping(root)) return { problems: [...problems, { file, message: 'the file is not a mapping' }] }
  problems.push(...unknownKeys('the action', root, ROOT_KEYS, file))
  for (const key of ['name', 'description']) {
    if (typeof root[key] !== 'string' || root[key] === '') problems.push({ file, message: `\`${key}\` is required and must be a string` })
  }

  const inputs: ActionSpec['inputs'] = {}
  const declaredInputs = root.inputs ?? {}
  if (!isMapping(declaredInputs)) problems.push({ file, message: '`inputs` must be a mapping' })
  else {
    for (const [name, spec] of Object.entries(declaredInputs)) {
      if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) problems.push({ file, message: `input \`${name}\`: an id starts with a letter or _ and holds only letters, digits, - and _` })
      if (!isMapping(spec)) {
        problems.push({ file, message: `input \`${name}\` must be a mapping` })
        continue
      }
      problems.push(...unknownKeys(`input \`${name}\``, spec, INPUT_KEYS, file))
      if (typeof spec.description !== 'string' || spec.description === '') problems.push({ file, message: `input \`${name}\` needs a description` })
      if (spec.default !== undefined && !isScalar(spec.default)) problems.push({ file, message: `input \`${name}\`: the default must be a string` })
      if (spec.required !== undefined && typeof spec.required !== 'boolean') problems.push({ file, message: `input \`${name}\`: required must be true or false` })
      inputs[name] = {
        description: String(spec.description ?? ''),
        required: spec.required === true,
        ...(spec.default !== undefined && isScalar(spec.default) ? { default: String(spec.default) } : {}),
        ...(typeof spec.deprecationMessage === 'string' ? { deprecationMessage: spec.deprecationMessage } : {})
      }
    }
  }

  const runs = root.runs
  const using = isMapping(runs) && typeof runs.using === 'string' ? runs.using : ''
  const outputs: ActionSpec['outputs'] = {}
  const declaredOutputs = root.outputs ?? {}
  if (!isMapping(declaredOutputs)) problems.push({ file, message: '`outputs` must be a mapping' })
  else {
    for (const [name, spec] of Object.entries(declaredOutputs)) {
      if (!isMapping(spec)) {
        problems.push({ file, message: `output \`${name}\` must be a mapping` })
        continue
      }
      // `value` maps a composite action's output to a step's; a JavaScript action sets its own.
      problems.push(...unknownKeys(`output \`${name}\``, spec, using === 'composite' ? ['description', 'value'] : ['description'], file))
      if (typeof spec.description !== 'string' || spec.description === '') problems.push({ file, message: `output \`${name}\` needs a description` })
      if (using === 'composite' && typeof spec.value !== 'string') problems.push({ file, message: `output \`${name}\` of a composite action needs a value` })
      outputs[name] = { description: String(spec.description ?? ''), ...(typeof spec.value === 'string' ? { value: spec.value } : {}) }
    }
  }

  if (!isMapping(runs)) problems.push({ file, message: '`runs` is required and must be a mapping' })
  else if (using === 'composite') {
    problems.push(...unknownKeys('runs', runs, COMPOSITE_RUNS_KEYS, file))
    if (!Array.isArray(runs.steps) || runs.steps.length === 0) problems.push({ file, message: 'a composite action needs `runs.steps`' })
  } else if (using === NODE_RUNTIME) {
    problems.push(...unknownKeys('runs', runs, NODE_RUNS_KEYS, file))
    for (const key of ['main', 'pre', 'post']) {
      const entry = runs[key]
      if (entry === undefined && key !== 'main') continue
      if (typeof entry !== 'string' || entry === '') problems.push({ file, message: `runs.${key} must be a path` })
      else if (!existsSync(resolve(dirname(file), entry))) problems.push({ file, message: `runs.${key} is ${entry}, which does not exist (build it: npm run build)` })
    }
  } else problems.push({ file, message: `runs.using is "${using}": use ${NODE_RUNTIME} (with main) or composite (with steps)` })

  if (root.branding !== undefined) {
    const branding = root.branding
    if (!isMapping(branding)) problems.push({ file, message: '`branding` must be a mapping' })
    else {
      problems.push(...unknownKeys('branding', branding, BRANDING_KEYS, file))
      if (branding.icon !== undefined && !BRANDING_ICONS.has(String(branding.icon))) problems.push({ file, message: `branding.icon "${String(branding.icon)}" is not one of the Feather icons GitHub lists` })
      if (branding.color !== undefined && !BRANDING_COLORS.includes(String(branding.color))) problems.push({ file, message: `branding.color "${String(branding.color)}" is not one of ${BRANDING_COLORS.join(', ')}` })
    }
  }
  return { problems, spec: { name: String(root.name ?? ''), description: String(root.description ?? ''), inputs, outputs, using } }
}

/** Every input the code reads is declared, and every declared input is read. */
export function checkInputsMatchCode(file: string, declared: readonly string[], reads: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = []
  for (const [name, at] of reads) {
    if (!declared.includes(name)) problems.push({ file, message: `the code reads the input \`${name}\` (${at}), which action.yml does not declare: the runner would warn and it would always be empty` })
  }
  for (const name of declared) {
    if (!reads.has(name)) problems.push({ file, message: `declares the input \`${name}\`, which the code never reads: a promise that is not kept` })
  }
  return problems
}
