import { normalizeHeading } from './heading-text'

/**
 * The policy's sections, each once. The validator rejects duplicates and empty names; this
 * is the evaluator not crashing or asking twice when handed them anyway.
 */
export function requiredSections(sections: readonly string[]): { sections: string[]; notices: string[] } {
  const seen = new Set<string>()
  const unique: string[] = []
  const notices: string[] = []
  for (const section of sections) {
    const key = normalizeHeading(section)
    if (key === '') {
      notices.push(`change-request.sections has an empty heading (${JSON.stringify(section)}); it was ignored`)
    } else if (seen.has(key)) {
      notices.push(`change-request.sections lists '${section}' more than once; it is checked once`)
    } else {
      seen.add(key)
      unique.push(section)
    }
  }
  return { sections: unique, notices }
}
