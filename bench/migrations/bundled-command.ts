// The bundled local command run in a child process on a generated history, as a runner runs
// the action's bundle, and the size of every bundle under dist/.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = fileURLToPath(new URL('../..', import.meta.url))
const dist = join(root, 'dist')
// Loaded before the command: reports the process's peak memory on its way out.
const REPORT_PEAK_MEMORY = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`

export interface BundledRun {
  label: string
  wallMs: number
  exitCode: number | null
  maxRssBytes: number
  summaryLine: string
}

/** Cold (an empty temp dir, as on a hosted runner) then warm (the data directory the first run cached). */
export async function runBundledCommand(history: Array<{ name: string; sql: string }>): Promise<BundledRun[] | undefined> {
  const command = join(dist, 'cli', 'index.js')
  if (!existsSync(command)) return undefined
  const repo = mkdtempSync(join(tmpdir(), 'bench-cli-repo-'))
  const temp = mkdtempSync(join(tmpdir(), 'bench-cli-tmp-'))
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' })
    git('init', '-q', '-b', 'main')
    const folder = join(repo, 'supabase', 'migrations')
    mkdirSync(folder, { recursive: true })
    // All but the last migration are on the base branch; the last is the pull request's.
    history.slice(0, -1).forEach((file) => writeFileSync(join(folder, file.name), file.sql))
    git('add', '-A')
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'base')
    const last = history.at(-1)
    if (last) writeFileSync(join(folder, last.name), last.sql)
    const runs: BundledRun[] = []
    for (const label of ['cold (empty temp dir)', 'warm (cached data dir)']) {
      const started = performance.now()
      const result = spawnSync(process.execPath, ['--import', REPORT_PEAK_MEMORY, command, 'validate-migrations', '--base', 'main'], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp },
        maxBuffer: 64 * 1024 * 1024
      })
      const wallMs = performance.now() - started
      const maxRss = Number(/maxrss=(\d+)/.exec(result.stderr)?.[1] ?? 0) * 1024
      const applied = /Applied [^\n]*/.exec(result.stdout)?.[0] ?? result.stderr.split('\n')[0] ?? ''
      runs.push({ label, wallMs, exitCode: result.status, maxRssBytes: maxRss, summaryLine: applied.replace(/ with the Supabase shim/, '') })
    }
    return runs
  } finally {
    rmSync(repo, { recursive: true, force: true })
    rmSync(temp, { recursive: true, force: true })
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
}

function measure(name: string, files: string[]): { name: string; bytes: number; gzipBytes: number } {
  let bytes = 0
  let gzipBytes = 0
  for (const file of files) {
    bytes += statSync(file).size
    gzipBytes += gzipSync(readFileSync(file), { level: 9 }).length
  }
  return { name, bytes, gzipBytes }
}

/** dist/<name> for every bundle, and dist/node_modules (PGlite and libpg-query, shared by validate-migration and cli). */
export function bundleSizes(): Array<{ name: string; bytes: number; gzipBytes: number }> {
  if (!existsSync(dist)) return []
  const names = readdirSync(dist, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  const sizes = names.map((name) => measure(name === 'node_modules' ? 'node_modules (PGlite, libpg-query)' : name, filesUnder(join(dist, name))))
  const shared = sizes.find((size) => size.name.startsWith('node_modules'))
  const action = sizes.find((size) => size.name === 'validate-migration')
  if (shared && action) sizes.push({ name: 'validate-migration + node_modules', bytes: action.bytes + shared.bytes, gzipBytes: action.gzipBytes + shared.gzipBytes })
  return sizes
}
