// Bundles every action (actions/<name>/main.ts) and the local command into dist/<name>/
// with ncc. What users run is these files, so CI rebuilds them and fails on any difference.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

const targets = readdirSync(join(root, 'actions'))
  .filter((name) => existsSync(join(root, 'actions', name, 'main.ts')))
  .map((name) => ({ name, entry: join('actions', name, 'main.ts') }))
if (existsSync(join(root, 'packages', 'cli', 'src', 'main.ts'))) {
  targets.push({ name: 'cli', entry: join('packages', 'cli', 'src', 'main.ts') })
}
const only = process.argv.slice(2)
const selected = only.length ? targets.filter((t) => only.includes(t.name)) : targets

function build({ name, entry }) {
  const out = join(root, 'dist', name)
  rmSync(out, { recursive: true, force: true })
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet', '--transpile-only', '--target', 'es2022'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit']
    })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ncc failed for ${name} (exit ${code})`))))
  })
}

// Two at a time: ncc is CPU-bound and our machines have two cores.
const queue = [...selected]
const started = Date.now()
await Promise.all(
  [0, 1].map(async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      await build(t)
      console.log(`built dist/${t.name}`)
    }
  })
)
console.log(`${selected.length} bundles in ${((Date.now() - started) / 1000).toFixed(1)} s`)
