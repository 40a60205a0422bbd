// PGlite runs initdb on a cold start (2.4 to 3 s here); starting from a dumped data
// directory takes 0.3 to 0.8 s. Dumps are kept in the OS temp dir, keyed by everything
// that shapes them (PGlite version, extension set, shim text), so a second run on the
// same machine (a developer's, a self-hosted runner) starts fast, and a changed shim or
// PGlite never loads a stale dump. A bundle can also ship a dump built at build time.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function dataDirKey(parts: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex').slice(0, 16)
}

export function cachedDataDirPath(key: string, directory = join(tmpdir(), 'change-policy-pglite')): string {
  return join(directory, `data-dir-${key}.tar`)
}

export function readCachedDataDir(path: string): Blob | undefined {
  if (!existsSync(path)) return undefined
  try {
    return new Blob([readFileSync(path)])
  } catch {
    return undefined
  }
}

/** Writes atomically: a concurrent run never reads half a file. */
export async function writeCachedDataDir(path: string, dump: Blob): Promise<void> {
  const directory = join(path, '..')
  mkdirSync(directory, { recursive: true })
  const partial = `${path}.${process.pid}.partial`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, path)
}
