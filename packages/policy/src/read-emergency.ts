// `emergency`: the post-deployment review an emergency change owes.
import type { PolicyReader } from './policy-reader'
import type { EmergencySettings } from './types'
import type { YamlNode } from './yaml-document'

export function readEmergency(reader: PolicyReader, node: YamlNode | undefined, defaults: EmergencySettings): EmergencySettings {
  const settings: EmergencySettings = { ...defaults }
  const keys = reader.section(node, 'emergency', 'emergency')
  if (!keys) return settings
  // Zero hours would make every review overdue the moment it is opened.
  settings.reviewWithinHours = reader.optional(keys, 'review-within-hours', 'emergency', (n, at) => reader.count(n, at, 1)) ?? settings.reviewWithinHours
  settings.reviewers = reader.optional(keys, 'reviewers', 'emergency', (n, at) => reader.principalList(n, at)) ?? settings.reviewers
  settings.labels = reader.optional(keys, 'labels', 'emergency', (n, at) => reader.stringList(n, at)) ?? settings.labels
  settings.escalateTo = reader.optional(keys, 'escalate-to', 'emergency', (n, at) => reader.principalList(n, at)) ?? settings.escalateTo
  return settings
}
