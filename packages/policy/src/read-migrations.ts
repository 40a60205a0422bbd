// `migrations`: where the migrations live and how strict each lint rule is.
import { nearestWord } from './key-suggestions'
import type { PolicyReader } from './policy-reader'
import { RULE_SEVERITY_WORDS } from './policy-schema'
import type { MigrationSettings, RuleSeverity } from './types'
import type { YamlNode } from './yaml-document'

const RULE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function readMigrations(reader: PolicyReader, node: YamlNode | undefined, defaults: MigrationSettings, knownRules: readonly string[] | undefined): MigrationSettings {
  const settings: MigrationSettings = { ...defaults, rules: { ...defaults.rules } }
  const keys = reader.section(node, 'migrations', 'migrations')
  if (!keys) return settings
  settings.path = reader.optional(keys, 'path', 'migrations', (n, at) => readFolder(reader, n, at)) ?? settings.path
  settings.rules = reader.optional(keys, 'rules', 'migrations', (n, at) => readRules(reader, n, at, knownRules)) ?? settings.rules
  return settings
}

function readFolder(reader: PolicyReader, node: YamlNode, name: string): string | undefined {
  const path = reader.string(node, name)
  if (path === undefined) return undefined
  const trimmed = path.trim().replace(/\/+$/, '')
  const problem =
    trimmed.startsWith('/') ? 'starts with `/`, but paths are relative to the repository root'
    : trimmed.includes('\\') ? 'contains `\\`; folders are separated by `/`'
    : trimmed.split('/').some((segment) => segment === '..' || segment === '.' || segment === '') ? 'contains an empty, `.` or `..` segment'
    : /[*?[\]{}]/.test(trimmed) ? 'contains glob characters, but it names one folder'
    : undefined
  if (problem === undefined) return trimmed
  reader.error(node, `\`${name}\`: \`${path}\` ${problem}.`, 'Write the folder relative to the repository root, e.g. `supabase/migrations`.')
  return undefined
}

function readRules(reader: PolicyReader, node: YamlNode, name: string, knownRules: readonly string[] | undefined): Record<string, RuleSeverity> | undefined {
  if (node.kind === 'scalar' && node.type === 'null') return {}
  if (node.kind !== 'mapping') {
    reader.error(node, `\`${name}\` must be a mapping of rule names to severities.`, 'Write one `rule-name: error|warning|off` per line under `rules:`, or `rules: {}`.')
    return undefined
  }
  const rules: Record<string, RuleSeverity> = {}
  let ok = true
  for (const { key, value } of node.entries) {
    if (key.kind !== 'scalar' || key.text === '') {
      reader.error(key, `A key in \`${name}\` is not a rule name.`, 'Write the rule\'s name, e.g. `ban-drop-column`.')
      ok = false
      continue
    }
    const rule = key.text
    if (Object.hasOwn(rules, rule)) {
      reader.error(key, `The rule \`${rule}\` is set more than once in \`${name}\`.`, 'Keep one of them.')
      ok = false
      continue
    }
    if (!RULE_NAME.test(rule) || (knownRules !== undefined && !knownRules.includes(rule))) {
      const suggestion = knownRules ? nearestWord(rule, knownRules) : undefined
      reader.error(key, `\`${name}\`: \`${rule}\` is not a known migration rule.`, suggestion ? `Did you mean \`${suggestion}\`?` : 'Rule names are lowercase words joined by `-`, e.g. `ban-drop-column`; check the rule list.')
      ok = false
      continue
    }
    const severity = reader.word(value, `${name}.${rule}`, RULE_SEVERITY_WORDS, 'rule severity')
    if (severity === undefined) {
      ok = false
      continue
    }
    rules[rule] = severity
  }
  return ok ? rules : undefined
}
