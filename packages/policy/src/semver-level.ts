// How big a version bump is, by semver difference. Pre-1.0 versions promise nothing
// between minors (0.2 → 0.3 may break), so such a bump counts as major; a version that
// cannot be read is 'unknown', which no policy pre-approves.
import type { SemverLevel } from './types'

interface Version {
  parts: [number, number, number]
  prerelease: boolean
}

// Requirement operators bots write in front of versions: `^1.2.3`, `~> 1.2`, `==5.1.1`.
const OPERATOR = /^(?:\^|~>|~=|~|===|==|>=|<=|=|>|<)\s*/
const VERSION = /^[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/

export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim().replace(OPERATOR, ''))
  if (!match) return undefined
  const numbers = [match[1], match[2], match[3]].map((part) => (part === undefined ? 0 : Number(part)))
  if (numbers.some((n) => !Number.isSafeInteger(n))) return undefined
  return { parts: numbers as [number, number, number], prerelease: match[5] !== undefined }
}

export function semverLevel(from: string, to: string): SemverLevel | 'unknown' {
  const a = parseVersion(from)
  const b = parseVersion(to)
  if (!a || !b || from.trim() === to.trim()) return 'unknown'
  const [majorA, minorA, patchA] = a.parts
  const [majorB, minorB, patchB] = b.parts
  if (majorA !== majorB) return 'major'
  // Semver gives a pre-release no compatibility promise at all.
  if (a.prerelease || b.prerelease) return 'major'
  if (majorA === 0) {
    if (minorA !== minorB) return 'major'
    // 0.0.x: every release may break (as Cargo reads it).
    if (minorA === 0 && patchA !== patchB) return 'major'
    return 'patch'
  }
  if (minorA !== minorB) return 'minor'
  return 'patch'
}

const ORDER: Record<SemverLevel | 'unknown', number> = { patch: 0, minor: 1, major: 2, unknown: 3 }

/** The larger of two levels; 'unknown' is larger than any. */
export function largerLevel(a: SemverLevel | 'unknown', b: SemverLevel | 'unknown'): SemverLevel | 'unknown' {
  return ORDER[a] >= ORDER[b] ? a : b
}
