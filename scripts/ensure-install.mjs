// Makes `npm test` and `npm run demo` work on a machine that has only Node and npm:
// the workspace is pnpm's, so pnpm itself comes from the npm registry at the version
// package.json pins, and installs run from the lockfile only.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lockfile = join(root, 'pnpm-lock.yaml')
const installed = join(root, 'node_modules', '.pnpm', 'lock.yaml')

function upToDate() {
  if (!existsSync(installed)) return false
  // pnpm copies the lockfile it installed from; any difference means a reinstall.
  return readFileSync(installed, 'utf8').trim() === readFileSync(lockfile, 'utf8').trim()
}

if (!upToDate()) {
  const pm = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager
  const version = pm.replace(/^pnpm@/, '')
  console.log(`Installing dependencies with pnpm ${version} from the lockfile...`)
  execFileSync('npx', ['--yes', `pnpm@${version}`, 'install', '--frozen-lockfile'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, npm_config_yes: 'true' }
  })
}
