// runAction: runs a built action (`node dist/<name>/index.js`) as the Actions runner runs a
// step: inputs as INPUT_<NAME> variables, fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY /
// GITHUB_ENV / GITHUB_STATE / GITHUB_PATH files, RUNNER_TEMP and GITHUB_WORKSPACE (the
// working directory), and nothing else of the test process's environment: a CI job's own
// GITHUB_* variables or token must not leak into the action under test.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { evaluateDefault, readActionMetadata } from './action-metadata'
import { parseFileCommands, parseWorkflowCommands, type Annotation } from './workflow-commands'

export interface RunActionOptions {
  /** The step's environment, e.g. a scenario's `env`. */
  env?: Record<string, string>
  /** Inputs by their name in action.yml; `undefined` leaves one unset. */
  inputs?: Record<string, string | number | boolean | undefined>
  /** Kill the action after this long (default 30 s). */
  timeoutMs?: number
  /** GITHUB_WORKSPACE and working directory; default a fresh empty directory. */
  workspace?: string
  /** What `${{ github.token }}` in an input default evaluates to (e.g. a scenario's token). */
  token?: string
}

export interface ActionRun {
  /** null when killed (see `timedOut`). */
  exitCode: number | null
  timedOut: boolean
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** The job summary the step wrote. */
  summary: string
  annotations: Annotation[]
  masks: string[]
  /** Variables exported with GITHUB_ENV and state saved with GITHUB_STATE. */
  exportedEnv: Record<string, string>
  state: Record<string, string>
  durationMs: number
}

/** What the runner names an input's variable: spaces become underscores, dashes stay. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

// Only what a runner's step sees from the machine itself.
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LC_ALL', 'TZ', 'USER', 'SystemRoot', 'ComSpec', 'PATHEXT']

/**
 * Runs `target`: a built entry point, or an action.yml — then, as the runner, its `runs.main`
 * with the inputs' defaults applied, and a warning for inputs the action does not declare.
 */
export async function runAction(target: string, options: RunActionOptions = {}): Promise<ActionRun> {
  const started = Date.now()
  const metadata = /\.ya?ml$/.test(target) ? readActionMetadata(target) : undefined
  const distPath = metadata?.main ?? target
  const runnerTemp = await mkdtemp(join(tmpdir(), 'change-policy-runner-'))
  const workspace = options.workspace ?? join(runnerTemp, 'workspace')
  await mkdir(workspace, { recursive: true })
  const commands = join(runnerTemp, '_runner_file_commands')
  await mkdir(commands)
  const file = async (prefix: string): Promise<string> => {
    const path = join(commands, `${prefix}_${randomUUID()}`)
    await writeFile(path, '')
    return path
  }
  const files = {
    GITHUB_OUTPUT: await file('set_output'),
    GITHUB_STEP_SUMMARY: await file('step_summary'),
    GITHUB_ENV: await file('set_env'),
    GITHUB_STATE: await file('save_state'),
    GITHUB_PATH: await file('add_path')
  }

  const env: Record<string, string> = {}
  for (const name of INHERITED) {
    const value = process.env[name]
    if (value !== undefined) env[name] = value
  }
  Object.assign(env, options.env ?? {})
  const runnerWarnings: Annotation[] = []
  if (metadata !== undefined) {
    for (const [name, input] of Object.entries(metadata.inputs)) {
      if (input.default !== undefined) {
        const context = options.token === undefined ? { env } : { env, token: options.token }
        env[inputVariable(name)] = evaluateDefault(input.default, context)
      }
    }
    const unexpected = Object.keys(options.inputs ?? {}).filter((name) => !(name in metadata.inputs))
    if (unexpected.length > 0) {
      runnerWarnings.push({
        level: 'warning',
        message: `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(metadata.inputs).join("', '")}']`
      })
    }
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (value !== undefined) env[inputVariable(name)] = String(value)
  }
  Object.assign(env, files, { RUNNER_TEMP: runnerTemp, RUNNER_TOOL_CACHE: join(runnerTemp, 'tool-cache'), GITHUB_WORKSPACE: workspace })

  const child = spawn(process.execPath, [resolve(distPath)], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    // The action may have started processes of its own; end its whole group.
    try {
      if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL')
      else child.kill('SIGKILL')
    } catch {
      child.kill('SIGKILL')
    }
  }, options.timeoutMs ?? 30_000)
  const exitCode = await new Promise<number | null>((resolveExit, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolveExit(code))
  }).finally(() => clearTimeout(timer))

  const read = (path: string): Promise<string> => readFile(path, 'utf8')
  const commandsOut = parseWorkflowCommands(stdout)
  const run: ActionRun = {
    exitCode,
    timedOut,
    stdout,
    stderr,
    outputs: parseFileCommands(await read(files.GITHUB_OUTPUT)),
    summary: await read(files.GITHUB_STEP_SUMMARY),
    annotations: [...runnerWarnings, ...commandsOut.annotations],
    masks: commandsOut.masks,
    exportedEnv: parseFileCommands(await read(files.GITHUB_ENV)),
    state: parseFileCommands(await read(files.GITHUB_STATE)),
    durationMs: Date.now() - started
  }
  await rm(runnerTemp, { recursive: true, force: true })
  return run
}
