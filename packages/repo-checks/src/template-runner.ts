// Runs a workflow's jobs for one event the way the runner would, far enough to show that a
// template's own steps work together: jobs in `needs:` order, each job's and step's `if:`, the
// `with:`, `env:` and `outputs:` expressions evaluated by GitHub's expression library
// (@actions/expressions), our actions executed from their bundles against the simulator with a
// token holding exactly the job's `permissions:`, and `run:` scripts executed by bash. What
// needs the outside world (installing Node, CodeQL, a project's own build) is handed to the
// caller's `thirdParty` hook, which says what such a step would output. `run:` uses the runner's
// default shell, `bash --noprofile --norc -eo pipefail`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import { truthy } from '@actions/expressions/result'
import type { FunctionDefinition } from '@actions/expressions/funcs/info'
import { runAction, type ActionRun, type Simulator } from '@change-policy/github-simulator'
import { CORE_SCHEMA, load } from 'js-yaml'
import { isMapping, type Mapping } from './strict-yaml'

export type JobResult = 'success' | 'failure' | 'skipped'

export interface JobRun {
  result: JobResult
  outputs: Record<string, string>
  /** Each step that ran: its id (or position) and, for ours, what the action did. */
  steps: { id: string; uses?: string; action?: ActionRun; output?: string }[]
}

export interface RunOptions {
  sim: Simulator
  /** The runner's environment of the event (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, …). */
  env: Record<string, string>
  /** The checkout: GITHUB_WORKSPACE for every job. */
  workspace: string
  /** A step of a third-party action: its outputs, or undefined when this run cannot do it. */
  thirdParty: (uses: string, given: Record<string, string>, token: (permissions: Record<string, string>) => string) => Record<string, string> | undefined
  /** Job ids to leave out (they need the outside world); they count as skipped. */
  leaveOut?: readonly string[]
}

const CONTEXTS = ['github', 'needs', 'steps', 'env', 'vars', 'secrets', 'inputs', 'runner', 'job', 'matrix', 'strategy']

function evaluate(expression: string, context: Mapping, status: { success: boolean; failure: boolean }): data.ExpressionData {
  const lexed = new Lexer(expression).lex()
  const statusFunction = (name: string, value: boolean): FunctionDefinition => ({ name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value) })
  const functions = [statusFunction('success', status.success), statusFunction('failure', status.failure), statusFunction('always', true), statusFunction('cancelled', false)]
  const parsed = new Parser(lexed.tokens, CONTEXTS, functions).parse()
  const dictionary = JSON.parse(JSON.stringify(context), data.reviver) as data.Dictionary
  return new Evaluator(parsed, dictionary, new Map(functions.map((f) => [f.name, f]))).evaluate()
}

/** A string with `${{ }}` in it, as the runner substitutes it. */
function substitute(text: unknown, context: Mapping, status: { success: boolean; failure: boolean }): string {
  if (typeof text !== 'string') return String(text)
  return text.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_all, expression: string) => evaluate(expression, context, status).coerceString())
}

/** An `if:`: an expression with or without `${{ }}`; without a status function it means success() && … */
function condition(text: unknown, context: Mapping, status: { success: boolean; failure: boolean }): boolean {
  if (text === undefined) return status.success
  const expression = String(text).trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1').trim()
  const withStatus = /\b(success|failure|always|cancelled)\(\)/.test(expression) ? expression : `success() && (${expression})`
  return truthy(evaluate(withStatus, context, status))
}

/** A workflow `permissions:` mapping as the installation token's permissions (metadata is always readable). */
export function tokenPermissions(permissions: Readonly<Record<string, string>>): Record<string, 'read' | 'write'> {
  const out: Record<string, 'read' | 'write'> = { metadata: 'read' }
  for (const [scope, level] of Object.entries(permissions)) if (level === 'read' || level === 'write') out[scope.replace(/-/g, '_')] = level
  return out
}

function order(jobs: Mapping): string[] {
  const done: string[] = []
  const visit = (id: string): void => {
    if (done.includes(id)) return
    const needs = (jobs[id] as Mapping).needs
    for (const need of Array.isArray(needs) ? needs : needs === undefined ? [] : [needs]) visit(String(need))
    done.push(id)
  }
  for (const id of Object.keys(jobs)) visit(id)
  return done
}

type StepsContext = Record<string, { outputs: Record<string, string>; outcome: string }>

interface StepScope {
  /** github, needs, vars, secrets, inputs (a composite action's), env */
  base: Mapping
  env: Record<string, string>
  steps: StepsContext
  jobToken: string
  mint: (permissions: Record<string, string>) => string
  run: JobRun
}

/** Runs steps in order (a job's, or a composite action's with its own `inputs` and `steps`); false when one failed. */
async function runSteps(stepList: readonly Mapping[], scope: StepScope, options: RunOptions): Promise<boolean> {
  let failed = false
  for (const [index, step] of stepList.entries()) {
    const stepId = typeof step.id === 'string' ? step.id : `step-${index + 1}`
    const context: Mapping = { ...scope.base, env: scope.env, steps: scope.steps }
    const status = { success: !failed, failure: failed }
    if (!condition(step.if, context, status)) {
      scope.steps[stepId] = { outputs: {}, outcome: 'skipped' }
      continue
    }
    const stepEnv = { ...scope.env, ...Object.fromEntries(Object.entries(isMapping(step.env) ? step.env : {}).map(([name, value]) => [name, substitute(value, context, status)])) }
    const given = Object.fromEntries(Object.entries(isMapping(step.with) ? step.with : {}).map(([name, value]) => [name, substitute(value, context, status)]))
    let outputs: Record<string, string> = {}
    let ok = true
    if (typeof step.uses === 'string') {
      const ours = /change-policy\/actions\/([a-z0-9-]+)@|^\.\/actions\/([a-z0-9-]+)$/.exec(step.uses)
      const name = ours ? ((ours[1] ?? ours[2]) as string) : undefined
      const metadata = name === undefined ? undefined : (load(readFileSync(join('actions', name, 'action.yml'), 'utf8'), { schema: CORE_SCHEMA }) as Mapping)
      const runs = metadata && isMapping(metadata.runs) ? metadata.runs : undefined
      if (name !== undefined && runs?.using === 'composite') {
        // A composite action: its steps, with its inputs (given, else their defaults) and its own steps context.
        const declared = isMapping(metadata?.inputs) ? metadata.inputs : {}
        const inputs = Object.fromEntries(Object.entries(declared).map(([input, spec]) => [input, given[input] ?? substitute(isMapping(spec) ? (spec.default ?? '') : '', { ...context, github: { ...(context.github as Mapping), token: scope.jobToken } }, status)]))
        const inner: StepsContext = {}
        ok = await runSteps(Array.isArray(runs.steps) ? (runs.steps as Mapping[]) : [], { ...scope, base: { ...scope.base, inputs }, steps: inner }, options)
        const declaredOutputs = isMapping(metadata?.outputs) ? metadata.outputs : {}
        outputs = Object.fromEntries(Object.entries(declaredOutputs).map(([output, spec]) => [output, substitute(isMapping(spec) ? spec.value : '', { ...scope.base, inputs, steps: inner }, { success: true, failure: false })]))
        scope.run.steps.push({ id: stepId, uses: step.uses })
      } else if (name !== undefined) {
        const action = await runAction(`actions/${name}/action.yml`, { env: { ...options.env, ...stepEnv }, token: scope.jobToken, inputs: given, workspace: options.workspace, timeoutMs: 90_000 })
        outputs = action.outputs
        ok = action.exitCode === 0
        scope.run.steps.push({ id: stepId, uses: step.uses, action })
      } else {
        const answered = options.thirdParty(step.uses, given, scope.mint)
        if (answered === undefined) throw new Error(`step ${stepId}: this run cannot do ${step.uses}; leave the job out`)
        outputs = answered
        scope.run.steps.push({ id: stepId, uses: step.uses })
      }
    } else if (typeof step.run === 'string') {
      const dir = mkdtempSync(join(tmpdir(), 'template-step-'))
      const outputFile = join(dir, 'output')
      writeFileSync(outputFile, '')
      let output: string
      try {
        output = execFileSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run], { cwd: options.workspace, env: { PATH: process.env.PATH ?? '', ...options.env, ...stepEnv, GITHUB_OUTPUT: outputFile }, encoding: 'utf8' })
      } catch (error) {
        ok = false
        output = String((error as { stdout?: string }).stdout ?? error)
      }
      outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]))
      rmSync(dir, { recursive: true, force: true })
      scope.run.steps.push({ id: stepId, output })
    }
    scope.steps[stepId] = { outputs, outcome: ok ? 'success' : 'failure' }
    if (!ok) failed = true
  }
  return !failed
}

let tokens = 0

export async function runWorkflow(workflow: Mapping, options: RunOptions): Promise<Record<string, JobRun>> {
  const jobs = workflow.jobs as Mapping
  const event = JSON.parse(readFileSync(options.env.GITHUB_EVENT_PATH as string, 'utf8')) as unknown
  const github = { event_name: options.env.GITHUB_EVENT_NAME, event, sha: options.env.GITHUB_SHA, ref: options.env.GITHUB_REF, run_id: options.env.GITHUB_RUN_ID ?? '1', repository: options.env.GITHUB_REPOSITORY }
  const results: Record<string, JobRun> = {}
  for (const id of order(jobs)) {
    const job = jobs[id] as Mapping
    const needIds = (Array.isArray(job.needs) ? job.needs : job.needs === undefined ? [] : [job.needs]).map(String)
    const needs = Object.fromEntries(needIds.map((need) => [need, { result: results[need]?.result, outputs: results[need]?.outputs ?? {} }]))
    const jobStatus = { success: needIds.every((need) => results[need]?.result === 'success'), failure: needIds.some((need) => results[need]?.result === 'failure') }
    const workflowEnv = isMapping(workflow.env) ? workflow.env : {}
    const base: Mapping = { github, needs, vars: {}, secrets: {}, inputs: {}, env: {} }
    const env: Record<string, string> = {}
    for (const [name, value] of Object.entries(workflowEnv)) env[name] = substitute(value, base, jobStatus)
    for (const [name, value] of Object.entries(isMapping(job.env) ? job.env : {})) env[name] = substitute(value, { ...base, env }, jobStatus)
    if (options.leaveOut?.includes(id) || !condition(job.if, { ...base, env }, jobStatus)) {
      results[id] = { result: 'skipped', outputs: {}, steps: [] }
      continue
    }
    // The job's GITHUB_TOKEN: exactly its permissions (the workflow's when it sets none).
    const jobToken = `job-token-${(tokens += 1)}`
    const declared = (isMapping(job.permissions) ? job.permissions : isMapping(workflow.permissions) ? workflow.permissions : {}) as Record<string, string>
    options.sim.state.addToken(jobToken, { permissions: tokenPermissions(declared), login: 'github-actions[bot]' })
    const mint = (permissions: Record<string, string>): string => {
      const token = `app-token-${(tokens += 1)}`
      options.sim.state.addToken(token, { permissions: tokenPermissions(permissions), login: 'change-policy[bot]' })
      return token
    }
    const run: JobRun = { result: 'success', outputs: {}, steps: [] }
    const steps: StepsContext = {}
    const stepList = Array.isArray(job.steps) ? (job.steps as Mapping[]) : []
    const ok = await runSteps(stepList, { base: { ...base, github: { ...github, token: jobToken } }, env, steps, jobToken, mint, run }, options)
    if (!ok) run.result = 'failure'
    for (const [name, value] of Object.entries(isMapping(job.outputs) ? job.outputs : {})) run.outputs[name] = substitute(value, { ...base, env, steps }, { success: true, failure: false })
    results[id] = run
  }
  return results
}

/** Whether the runner would start `jobId` for this event, given the results and outputs of the jobs it needs. */
export function jobWouldRun(workflow: Mapping, jobId: string, eventName: string, needs: Record<string, { result: JobResult; outputs?: Record<string, string> }>): boolean {
  const job = (workflow.jobs as Mapping)[jobId] as Mapping
  const needIds = (Array.isArray(job.needs) ? job.needs : job.needs === undefined ? [] : [job.needs]).map(String)
  const context: Mapping = { github: { event_name: eventName, event: {} }, needs: Object.fromEntries(needIds.map((id) => [id, { result: needs[id]?.result ?? 'success', outputs: needs[id]?.outputs ?? {} }])), vars: {}, secrets: {}, inputs: {}, env: {} }
  const status = { success: needIds.every((id) => (needs[id]?.result ?? 'success') === 'success'), failure: needIds.some((id) => needs[id]?.result === 'failure') }
  return condition(job.if, context, status)
}
