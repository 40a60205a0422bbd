// `change-request`: which change types must be documented, and what the document holds.
import { normalizeHeading } from './change-request/heading-text'
import type { PolicyReader } from './policy-reader'
import { CHANGE_TYPE_WORDS, DOCUMENTED_IN_WORDS } from './policy-schema'
import type { ChangeRequestSettings } from './types'
import type { YamlNode } from './yaml-document'

export function readChangeRequest(reader: PolicyReader, node: YamlNode | undefined, defaults: ChangeRequestSettings): ChangeRequestSettings {
  const settings: ChangeRequestSettings = { ...defaults }
  const keys = reader.section(node, 'change-request', 'change-request')
  if (!keys) return settings
  settings.required = reader.optional(keys, 'required', 'change-request', (n, at) => reader.words(n, at, CHANGE_TYPE_WORDS, 'change type')) ?? settings.required
  settings.sections = reader.optional(keys, 'sections', 'change-request', (n, at) => readSections(reader, n, at)) ?? settings.sections
  settings.labels = reader.optional(keys, 'labels', 'change-request', (n, at) => reader.stringList(n, at)) ?? settings.labels
  settings.documentedIn = reader.optional(keys, 'documented-in', 'change-request', (n, at) => reader.word(n, at, DOCUMENTED_IN_WORDS, 'place for the change request (`documented-in`)')) ?? settings.documentedIn
  return settings
}

function readSections(reader: PolicyReader, node: YamlNode, name: string): string[] | undefined {
  const seen = new Map<string, string>()
  const sections = reader.stringList(node, name, (heading, at, itemName) => {
    // Compared as the Markdown reader compares headings (`## Justification:` and
    // `justification` are one heading to it), so that a policy cannot list a section twice
    // in a way only the evaluator would notice.
    const text = heading.replace(/^#+/, '').trim()
    const folded = normalizeHeading(text)
    if (folded === '') {
      reader.error(at, `\`${itemName}\` is an empty heading.`, 'Write the heading\'s text, e.g. `Justification`.')
      return false
    }
    const earlier = seen.get(folded)
    if (earlier !== undefined) {
      reader.error(at, `\`${itemName}\`: the heading \`${text}\` is listed twice (as \`${earlier}\` before).`, 'Remove one of them.')
      return false
    }
    seen.set(folded, heading)
    return true
  })
  return sections?.map((heading) => heading.trim())
}
