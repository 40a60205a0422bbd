// "Did you mean …?" for unknown keys and words. A typo in a policy key is an error, so the
// message should make the fix obvious rather than send the user to the docs.
import { SECTION_KEYS, type SectionPath } from './policy-schema'

/** The closest candidate, if it is close enough to be what the user meant. */
export function nearestWord(word: string, candidates: readonly string[]): string | undefined {
  const folded = fold(word)
  // `head_branches`, `headBranches` and `Head-Branches` all mean `head-branches`.
  const sameLetters = candidates.find((candidate) => fold(candidate) === folded)
  if (sameLetters) return sameLetters
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  const tolerance = Math.max(1, Math.min(3, Math.floor(word.length / 3)))
  return bestDistance <= tolerance ? best : undefined
}

/** Sections other than `here` that accept `key`, for keys written at the wrong level. */
export function sectionsAccepting(key: string, here: SectionPath): string[] {
  const found: string[] = []
  for (const [section, keys] of Object.entries(SECTION_KEYS) as [SectionPath, readonly string[]][]) {
    if (section !== here && keys.includes(key)) found.push(section === '' ? 'the top level' : `\`${section.replace(/\[\]/g, '')}\``)
  }
  return found
}

function fold(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, '')
}

/** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length)
  const rows: number[][] = []
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i]
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j)
        continue
      }
      const previous = rows[i - 1] as number[]
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1)
      }
      row.push(value)
    }
    rows.push(row)
  }
  return (rows[a.length] as number[])[b.length] as number
}
