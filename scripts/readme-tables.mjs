// Regenerates the inputs and outputs tables of every actions/<name>/README.md from its
// action.yml (`--write`), or says which README differs (no argument; exit 1).
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { updateReadme } from '../packages/repo-checks/src/readme-tables.mjs'

const root = join(import.meta.dirname, '..')
const write = process.argv.includes('--write')
let stale = 0
for (const name of readdirSync(join(root, 'actions')).sort()) {
  const dir = join(root, 'actions', name)
  if (!existsSync(join(dir, 'action.yml'))) continue
  const readmePath = join(dir, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const updated = updateReadme(readme, readFileSync(join(dir, 'action.yml'), 'utf8'), `actions/${name}/README.md`)
  if (updated === readme) continue
  stale++
  if (write) writeFileSync(readmePath, updated)
  console.log(`${write ? 'updated' : 'differs from action.yml'}: actions/${name}/README.md`)
}
if (stale > 0 && !write) {
  console.log('Run `node scripts/readme-tables.mjs --write`.')
  process.exit(1)
}
