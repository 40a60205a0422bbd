// Migration file names carry the version that orders the history: Supabase's
// `<14-digit timestamp>_<name>.sql`, or a pattern the caller passes whose first capture
// group is the version.

export const SUPABASE_FILE_NAME = /^(\d{14})_(.+)\.sql$/

/** The version in a file name, or undefined when the name does not match. */
export function versionOf(fileName: string, pattern: RegExp = SUPABASE_FILE_NAME): string | undefined {
  return pattern.exec(fileName)?.[1]
}

/** Orders versions numerically when both are digits (so 9 < 10), else as text. */
export function compareVersions(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a)
    const y = BigInt(b)
    return x < y ? -1 : x > y ? 1 : 0
  }
  return a < b ? -1 : a > b ? 1 : 0
}
