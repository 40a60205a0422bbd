// `credentials`: scanning the lines a pull request adds for keys and tokens.
import type { PolicyReader } from './policy-reader'
import { CREDENTIAL_FINDING_WORDS } from './policy-schema'
import type { CredentialSettings } from './types'
import type { YamlNode } from './yaml-document'

export function readCredentials(reader: PolicyReader, node: YamlNode | undefined, defaults: CredentialSettings): CredentialSettings {
  const settings: CredentialSettings = { ...defaults, ignorePaths: [...defaults.ignorePaths] }
  const keys = reader.section(node, 'credentials', 'credentials')
  if (!keys) return settings
  settings.scan = reader.optional(keys, 'scan', 'credentials', (n, at) => reader.boolean(n, at)) ?? settings.scan
  settings.onFinding = reader.optional(keys, 'on-finding', 'credentials', (n, at) => reader.word(n, at, CREDENTIAL_FINDING_WORDS, 'credential finding action')) ?? settings.onFinding
  settings.ignorePaths = reader.optional(keys, 'ignore-paths', 'credentials', (n, at) => reader.globList(n, at)) ?? settings.ignorePaths
  if (!settings.scan && keys.has('ignore-paths') && settings.ignorePaths.length > 0) {
    reader.warn(keys.get('ignore-paths')?.value, '`credentials.ignore-paths` is set but `credentials.scan` is false, so nothing is scanned at all.', 'Remove `scan: false` to scan every other file, or remove `ignore-paths`.')
  }
  return settings
}
