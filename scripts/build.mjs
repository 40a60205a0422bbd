// Bundles every action (actions/<name>/main.ts) and the local command into dist/<name>/
// with ncc. What users run is these files, so CI rebuilds them and fails on any difference.
//
// The embedded PostgreSQL (@electric-sql/pglite) and the Postgres parser (libpg-query) are
// WebAssembly with files they find next to their own modules: a full ncc bundle of them
// crashes at run time. The targets that use them (validate-migration, gate-deploy (a rollback
// judges the migrations it leaves applied) and the local command)
// leave them external, and their installed files are copied once into dist/node_modules/,
// where Node finds them from every dist/<name>/index.js, so the two targets share one copy and
// the other actions' bundles never contain them.
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
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

// Packages left out of the bundles, the package whose dependencies they are, and the targets that need them.
const VENDORED_ROOTS = ['@electric-sql/pglite', 'libpg-query']
const VENDORED_FROM = join(root, 'packages', 'migrations')
const VENDORING_TARGETS = ['validate-migration', 'gate-deploy', 'cli']
// Only what runs: no type declarations, source maps, READMEs, or (for ESM-only use) CommonJS builds.
const SKIPPED_FILE = /(\.d\.[cm]?ts|\.map|^README.*|^CHANGELOG.*)$/i

/** Every import of a vendored package in the migrations sources, subpaths included: ncc's externals match exactly. */
function vendoredSpecifiers() {
  const specifiers = new Set(VENDORED_ROOTS)
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/from '([^']+)'/g)) {
          if (VENDORED_ROOTS.some((name) => match[1] === name || match[1].startsWith(`${name}/`))) specifiers.add(match[1])
        }
      }
    }
  }
  visit(join(VENDORED_FROM, 'src'))
  return [...specifiers].sort()
}

/** The installed package `name` as seen from `fromDir` (Node's lookup), as a real path. */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate)
    if (dirname(dir) === dir) throw new Error(`build: ${name} is not installed (looked from ${fromDir}); run npm run setup.`)
  }
}

/** The vendored packages and their dependencies, each once: [name, installed dir]. */
function vendoredPackages() {
  const found = new Map()
  const add = (name, fromDir) => {
    if (found.has(name)) return
    const dir = packageDir(name, fromDir)
    found.set(name, dir)
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    for (const dependency of Object.keys(manifest.dependencies ?? {}).sort()) add(dependency, dir)
  }
  for (const name of VENDORED_ROOTS) add(name, VENDORED_FROM)
  return [...found].sort(([a], [b]) => (a < b ? -1 : 1))
}

/** Copies the vendored packages' run-time files into dist/node_modules: same bytes, fixed modes, sorted, nothing stale. */
function copyVendoredPackages() {
  const target = join(root, 'dist', 'node_modules')
  rmSync(target, { recursive: true, force: true })
  let files = 0
  let bytes = 0
  for (const [name, dir] of vendoredPackages()) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    // An ESM package with an exports map never loads its .cjs files from an import.
    const skipCjs = manifest.type === 'module' && manifest.exports !== undefined
    const copy = (from) => {
      for (const entry of readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const path = join(from, entry.name)
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules') copy(path)
          continue
        }
        if (SKIPPED_FILE.test(entry.name) || (skipCjs && entry.name.endsWith('.cjs'))) continue
        const out = join(target, name, relative(dir, path))
        mkdirSync(dirname(out), { recursive: true })
        const content = readFileSync(path)
        writeFileSync(out, content)
        chmodSync(out, 0o644)
        files += 1
        bytes += content.length
      }
    }
    copy(dir)
  }
  console.log(`copied ${files} files (${(bytes / 1024 / 1024).toFixed(1)} MB) of ${VENDORED_ROOTS.join(', ')} into dist/node_modules`)
}

function build({ name, entry }) {
  const out = join(root, 'dist', name)
  rmSync(out, { recursive: true, force: true })
  const externals = VENDORING_TARGETS.includes(name) ? vendoredSpecifiers().flatMap((specifier) => ['-e', specifier]) : []
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ncc, 'build', entry, '-o', out, ...externals, '--license', 'licenses.txt', '--quiet', '--transpile-only', '--target', 'es2022'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit']
    })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ncc failed for ${name} (exit ${code})`))))
  })
}

// Two at a time: ncc is CPU-bound and our machines have two cores.
const queue = [...selected]
const started = Date.now()
if (selected.some((t) => VENDORING_TARGETS.includes(t.name))) copyVendoredPackages()
await Promise.all(
  [0, 1].map(async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      await build(t)
      console.log(`built dist/${t.name}`)
    }
  })
)
console.log(`${selected.length} bundles in ${((Date.now() - started) / 1000).toFixed(1)} s`)
