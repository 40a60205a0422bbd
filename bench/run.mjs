// `npm run bench`: every benchmark, one after another (they time things, so never in
// parallel), each printing its own figures. TypeScript benchmarks run through the small
// loader in bench/ts-loader.mjs, which uses the workspace's own typescript.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const loader = join(root, 'bench', 'ts-loader.mjs')

function benchFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : benchFiles(path)
    return /\.bench\.(ts|mjs)$/.test(entry.name) || (entry.name === 'run.mjs' && dir !== join(root, 'bench')) ? [path] : []
  })
}

let failed = 0
for (const file of benchFiles(join(root, 'bench')).sort()) {
  console.log(`\n== ${relative(root, file)}`)
  const args = file.endsWith('.ts') ? ['--import', loader, file] : [file]
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) failed++
}
if (!existsSync(join(root, 'dist'))) console.log('dist/ is missing: run npm run build first')
process.exitCode = failed ? 1 : 0
