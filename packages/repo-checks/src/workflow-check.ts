// A workflow as GitHub reads it (GitHub's own parser, @actions/workflow-parser, with the errors
// it collects while parsing and converting), then the rules our security model adds: each
// `uses:` of ours names an action of this repository and passes only inputs it declares (and
// every required one); every other `uses:` is pinned by a full commit SHA; no untrusted
// context is interpolated into a `run:` script; each job asks for exactly the GITHUB_TOKEN
// permissions its steps need (action-permissions.ts); no pull_request_target job checks out
// the pull request's head.
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import type { ActionSpec } from './action-metadata-check'
import { COMPOSITE_ACTION_PERMISSIONS, OUR_ACTION_PERMISSIONS, RUN_STEP_PERMISSIONS, THIRD_PARTY_PERMISSIONS, type ActionPermissions, type Level } from './action-permissions'
import type { Problem } from './problem'
import { isMapping, loadStrictYaml, type Mapping } from './strict-yaml'

/** `<owner>/change-policy/actions/<name>@<ref>` as users write it (the docs write `<owner>` itself), or `./actions/<name>` here. */
const OUR_USES = /^(?:(?:[A-Za-z0-9_.-]+|<owner>)\/change-policy\/actions\/([a-z0-9-]+)@\S+|\.\/actions\/([a-z0-9-]+))$/
const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/
const DOCKER_PINNED = /^docker:\/\/\S+@sha256:[0-9a-f]{64}$/
// Text a pull request's author (or anyone who can push a branch) controls, which a shell would
// run if interpolated: GitHub's "script injection" list and everything shaped like it.
const UNTRUSTED = /^(?:github\.event\b|github\.head_ref\b|inputs\.|steps\.[^.]+\.outputs\b|needs\.[^.]+\.outputs\b)/

export interface WorkflowContext {
  /** Our actions by name. */
  actions: ReadonlyMap<string, ActionSpec>
}

const RANK: Record<Level, number> = { read: 1, write: 2 }

function addPermissions(into: Record<string, Level>, add: Readonly<Record<string, Level>>): void {
  for (const [scope, level] of Object.entries(add)) if (!into[scope] || RANK[level] > RANK[into[scope]]) into[scope] = level
}

function describe(permissions: Readonly<Record<string, Level>>): string {
  const entries = Object.entries(permissions).sort(([a], [b]) => a.localeCompare(b))
  return entries.length === 0 ? '{}' : `{ ${entries.map(([scope, level]) => `${scope}: ${level}`).join(', ')} }`
}

function expressions(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*([\s\S]*?)\s*\}\}/g)].map((m) => m[1] as string)
}

function needsOf(entry: ActionPermissions, given: Mapping): Readonly<Record<string, Level>> {
  const need: Record<string, Level> = { ...entry.permissions }
  if (entry.when) {
    const value = given[entry.when.input]
    if (value !== undefined && !entry.when.unless.includes(String(value))) addPermissions(need, entry.when.permissions)
  }
  return need
}

function declaredPermissions(node: unknown, where: string, file: string, problems: Problem[]): Record<string, Level> | undefined {
  if (node === undefined) return undefined
  if (!isMapping(node)) {
    problems.push({ file, message: `${where}: permissions must list each scope (read-all / write-all grant more than any of our jobs needs)` })
    return {}
  }
  const out: Record<string, Level> = {}
  for (const [scope, level] of Object.entries(node)) {
    if (level === 'none') continue
    if (level !== 'read' && level !== 'write') problems.push({ file, message: `${where}: permission ${scope} is "${String(level)}"` })
    else out[scope] = level
  }
  return out
}

export async function checkWorkflow(file: string, text: string, context: WorkflowContext): Promise<Problem[]> {
  const loaded = loadStrictYaml(file, text)
  if ('problem' in loaded) return [loaded.problem]
  const problems: Problem[] = []
  const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter())
  if (parsed.value !== undefined) await convertWorkflowTemplate(parsed.context, parsed.value)
  for (const error of parsed.context.errors.getErrors()) problems.push({ file, message: `GitHub's workflow parser: ${error.message}` })
  const root = loaded.value
  if (!isMapping(root) || !isMapping(root.jobs)) return problems.length ? problems : [{ file, message: 'a workflow needs jobs' }]

  const events = isMapping(root.on) ? Object.keys(root.on) : Array.isArray(root.on) ? root.on.map(String) : [String(root.on)]
  const workflowPermissions = declaredPermissions(root.permissions, 'the workflow', file, problems)
  for (const [jobId, job] of Object.entries(root.jobs)) {
    if (!isMapping(job)) continue
    const where = `job ${jobId}`
    if (typeof job.uses === 'string') {
      // A reusable workflow: its own jobs declare what they need (and are checked in their file).
      const local = job.uses.startsWith('./') || /^(?:[A-Za-z0-9_.-]+|<owner>)\/change-policy\/\.github\/workflows\//.test(job.uses)
      if (!local && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/\.github\/workflows\/[^@\s]+@[0-9a-f]{40}$/.test(job.uses)) {
        problems.push({ file, message: `${where}: the reusable workflow ${job.uses} is not pinned by a full 40-character commit SHA` })
      }
      continue
    }
    const need: Record<string, Level> = {}
    // A step whose needs are unknown was reported already; comparing would only add noise.
    let needsKnown = true
    const runNeed = RUN_STEP_PERMISSIONS[`${file}#${jobId}`]
    if (runNeed) addPermissions(need, runNeed.permissions)
    const steps = Array.isArray(job.steps) ? job.steps : []
    steps.forEach((step: unknown, index) => {
      if (!isMapping(step)) return
      const at = `${where}, step ${typeof step.id === 'string' ? step.id : index + 1}`
      const given = isMapping(step.with) ? step.with : {}
      if (typeof step.run === 'string') {
        for (const expression of expressions(step.run)) {
          if (UNTRUSTED.test(expression)) problems.push({ file, message: `${at}: \${{ ${expression} }} is interpolated into run:, where its text runs as shell; pass it through env: and use "$VARIABLE"` })
        }
      }
      if (typeof step.uses !== 'string') return
      const uses = step.uses
      const ours = OUR_USES.exec(uses)
      if (ours) {
        const name = (ours[1] ?? ours[2]) as string
        const action = context.actions.get(name)
        if (action === undefined) {
          problems.push({ file, message: `${at}: uses ${uses}, but actions/${name}/action.yml does not exist` })
          needsKnown = false
          return
        }
        for (const input of Object.keys(given)) {
          if (!(input in action.inputs)) problems.push({ file, message: `${at}: passes the input \`${input}\`, which actions/${name} does not declare (it has: ${Object.keys(action.inputs).join(', ')})` })
        }
        for (const [input, spec] of Object.entries(action.inputs)) {
          if (spec.required && spec.default === undefined && !(input in given)) problems.push({ file, message: `${at}: actions/${name} requires the input \`${input}\`` })
        }
        const entry = OUR_ACTION_PERMISSIONS[name] ?? COMPOSITE_ACTION_PERMISSIONS[name]
        if (entry === undefined) {
          problems.push({ file, message: `${at}: actions/${name} is missing from packages/repo-checks/src/action-permissions.ts` })
          needsKnown = false
        } else addPermissions(need, needsOf(entry, given))
        return
      }
      if (uses.startsWith('./')) {
        problems.push({ file, message: `${at}: uses ${uses}, a local action this check does not know` })
        needsKnown = false
        return
      }
      if (!PINNED.test(uses) && !DOCKER_PINNED.test(uses)) {
        problems.push({ file, message: `${at}: ${uses} is not pinned by a full 40-character commit SHA (a tag can be moved to other code)` })
      }
      const repo = uses.replace(/@.*$/, '').split('/').slice(0, 2).join('/')
      const entry = THIRD_PARTY_PERMISSIONS[repo]
      if (entry === undefined) {
        problems.push({ file, message: `${at}: ${repo} is missing from packages/repo-checks/src/action-permissions.ts (what GITHUB_TOKEN permissions does it need?)` })
        needsKnown = false
      } else addPermissions(need, needsOf(entry, given))
      if (repo === 'actions/checkout' && events.includes('pull_request_target') && /head|merge/.test(String(given.ref ?? ''))) {
        problems.push({ file, message: `${at}: checks out the pull request's code in a pull_request_target workflow, which runs with the base repository's token and secrets` })
      }
      if (repo === 'actions/checkout' && given['persist-credentials'] !== false) {
        problems.push({ file, message: `${at}: actions/checkout without persist-credentials: false leaves the token in .git/config for every later step` })
      }
    })

    const declared = declaredPermissions(job.permissions, where, file, problems) ?? workflowPermissions
    if (declared === undefined) {
      problems.push({ file, message: `${where}: no permissions: the token would get the repository's default; set exactly ${describe(need)}` })
      continue
    }
    if (!needsKnown) continue
    const more = Object.entries(declared).filter(([scope, level]) => !need[scope] || RANK[level] > RANK[need[scope]])
    const less = Object.entries(need).filter(([scope, level]) => !declared[scope] || RANK[declared[scope]] < RANK[level])
    if (more.length > 0) problems.push({ file, message: `${where} asks for more than its steps need: ${describe(Object.fromEntries(more))} (they need ${describe(need)})` })
    if (less.length > 0) problems.push({ file, message: `${where} asks for less than its steps need: ${describe(Object.fromEntries(less))} is missing (they need ${describe(need)})` })
  }
  return problems
}
