// A composite action of ours (actions/check-pull-request) has no code the input check can read:
// its promises are its steps. Every input it declares is passed on, every `inputs.x` it uses is
// declared, each step of ours passes only inputs that action declares, and each output's value
// names a step that exists.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkActionMetadata, type ActionSpec } from './action-metadata-check'
import { actionNames, REPO_ROOT } from './repo-files'
import { isMapping, loadStrictYaml, type Mapping } from './strict-yaml'

const specs = new Map<string, ActionSpec>()
for (const name of actionNames()) {
  const file = join(REPO_ROOT, 'actions', name, 'action.yml')
  const { spec } = checkActionMetadata(file, readFileSync(file, 'utf8'))
  if (spec) specs.set(name, spec)
}
const composites = actionNames().filter((name) => specs.get(name)?.using === 'composite')
// Inputs being added to every action on another branch (wip/followup: audit-log): passed on
// already, so that nothing here changes when they land.
const PENDING_INPUTS = ['audit-log']

function stepsOf(name: string): Mapping[] {
  const loaded = loadStrictYaml(name, readFileSync(join(REPO_ROOT, 'actions', name, 'action.yml'), 'utf8'))
  const root = 'value' in loaded && isMapping(loaded.value) ? loaded.value : {}
  const runs = isMapping(root.runs) ? root.runs : {}
  return Array.isArray(runs.steps) ? (runs.steps as Mapping[]) : []
}

test('check-pull-request is a composite action and has no code of its own', () => {
  expect(composites).toEqual(['check-pull-request'])
  expect(existsSync(join(REPO_ROOT, 'actions', 'check-pull-request', 'main.ts'))).toBe(false)
})

test.each(composites)('actions/%s passes on every input it declares, and uses none it does not', (name) => {
  const text = JSON.stringify(stepsOf(name))
  const used = new Set([...text.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)].map((m) => m[1] as string))
  const declared = Object.keys(specs.get(name)?.inputs ?? {})
  expect(declared.filter((input) => !used.has(input))).toEqual([])
  expect([...used].filter((input) => !declared.includes(input))).toEqual([])
})

test.each(composites)('actions/%s: each step of ours passes only inputs that action declares', (name) => {
  const problems: string[] = []
  for (const step of stepsOf(name)) {
    const ours = typeof step.uses === 'string' ? /change-policy\/actions\/([a-z0-9-]+)@/.exec(step.uses) : null
    if (!ours) continue
    const target = specs.get(ours[1] as string)
    if (!target) {
      problems.push(`${String(step.id)}: actions/${ours[1]} does not exist`)
      continue
    }
    for (const input of Object.keys(isMapping(step.with) ? step.with : {})) {
      if (!(input in target.inputs) && !PENDING_INPUTS.includes(input)) problems.push(`${String(step.id)}: actions/${ours[1]} has no input ${input}`)
    }
  }
  expect(problems).toEqual([])
})

test.each(composites)('actions/%s: each output comes from a step that exists', (name) => {
  const ids = new Set(stepsOf(name).map((step) => step.id).filter((id): id is string => typeof id === 'string'))
  const outputs = specs.get(name)?.outputs ?? {}
  const missing = Object.entries(outputs).flatMap(([output, spec]) => [...(spec.value ?? '').matchAll(/steps\.([A-Za-z0-9_-]+)\./g)].map((m) => m[1] as string).filter((id) => !ids.has(id)).map((id) => `${output}: ${id}`))
  expect(Object.keys(outputs).length).toBeGreaterThan(0)
  expect(missing).toEqual([])
})
