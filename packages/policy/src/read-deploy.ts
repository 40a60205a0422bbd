// `deploy`: which branches deploy, what must have passed, and when deploys are frozen.
import { isKnownTimeZone, parseInstant } from './freeze-times'
import { nearestWord } from './key-suggestions'
import type { PolicyReader } from './policy-reader'
import { CHANGE_TYPE_WORDS, WEEKDAY_WORDS } from './policy-schema'
import type { DeploySettings, Freeze, Weekday } from './types'
import type { YamlNode } from './yaml-document'

export function readDeploy(reader: PolicyReader, node: YamlNode | undefined, defaults: DeploySettings): DeploySettings {
  const deploy: DeploySettings = { ...defaults }
  const keys = reader.section(node, 'deploy', 'deploy')
  if (!keys) return deploy
  deploy.branches = reader.optional(keys, 'branches', 'deploy', (n, at) => reader.globList(n, at)) ?? deploy.branches
  deploy.environments = reader.optional(keys, 'environments', 'deploy', (n, at) => reader.stringList(n, at)) ?? deploy.environments
  const checks = reader.optional(keys, 'required-checks', 'deploy', (n, at) => readRequiredChecks(reader, n, at))
  if (checks) {
    deploy.requiredChecks = checks.names
    deploy.checkApps = checks.apps
  }
  deploy.allowDirectPush = reader.optional(keys, 'allow-direct-push', 'deploy', (n, at) => reader.boolean(n, at)) ?? deploy.allowDirectPush
  deploy.freezes = reader.optional(keys, 'freezes', 'deploy', (n) => readFreezes(reader, n)) ?? deploy.freezes
  return deploy
}

function readFreezes(reader: PolicyReader, node: YamlNode): Freeze[] | undefined {
  if (node.kind !== 'sequence') {
    reader.error(node, '`deploy.freezes` must be a list of freezes.', 'Write each freeze as a list item starting with `- name: …`, or `freezes: []` for none.')
    return undefined
  }
  const freezes: Freeze[] = []
  const names = new Set<string>()
  node.items.forEach((item, index) => {
    const freeze = readFreeze(reader, item, `deploy.freezes[${index}]`)
    if (!freeze) return
    if (names.has(freeze.name.toLowerCase())) {
      reader.error(item, `Two freezes are named \`${freeze.name}\`.`, 'Give each freeze its own name.')
      return
    }
    names.add(freeze.name.toLowerCase())
    freezes.push(freeze)
  })
  return freezes
}

function readFreeze(reader: PolicyReader, node: YamlNode, name: string): Freeze | undefined {
  const keys = reader.section(node, 'deploy.freezes[]', name)
  if (!keys) {
    if (node.kind === 'scalar' && node.type === 'null') reader.error(node, `\`${name}\` is empty.`, 'Remove the empty `-` item, or give it a `name` and a window.')
    return undefined
  }
  const problemsBefore = reader.problems.length
  const freezeName = reader.optional(keys, 'name', name, (n, at) => reader.string(n, at))?.trim()
  if (!keys.has('name')) reader.error(node, `\`${name}\` has no \`name\`.`, 'Add `name:`, e.g. `name: year-end`; it is shown when a deploy is refused.')
  const from = reader.optional(keys, 'from', name, (n, at) => readInstant(reader, n, at))
  const to = reader.optional(keys, 'to', name, (n, at) => readInstant(reader, n, at))
  const days = reader.optional(keys, 'days', name, (n, at) => readDays(reader, n, at))
  const timezone = reader.optional(keys, 'timezone', name, (n, at) => readTimeZone(reader, n, at))
  const allow = reader.optional(keys, 'allow', name, (n, at) => reader.words(n, at, CHANGE_TYPE_WORDS, 'change type'))

  const hasFrom = keys.has('from')
  const hasTo = keys.has('to')
  if (hasFrom !== hasTo) {
    const missing = hasFrom ? 'to' : 'from'
    reader.error(keys.get(hasFrom ? 'from' : 'to')?.key, `\`${name}\` has \`${hasFrom ? 'from' : 'to'}\` but no \`${missing}\`.`, `Add \`${missing}:\` so that the window has both ends.`)
  }
  if (!hasFrom && !hasTo && !keys.has('days')) {
    reader.error(node, `\`${name}\` says neither when (\`from\`/\`to\`) nor which \`days\` it freezes deploys.`, 'Add `from:` and `to:` (dates with a UTC offset), or `days:` such as `[sat, sun]`.')
  }
  if ((hasFrom || hasTo) && keys.has('days')) {
    // Whether `days` would narrow the window or add to it is a guess either way.
    reader.error(keys.get('days')?.key, `\`${name}\` has both a dated window and \`days\`.`, 'Split it into two freezes: one with `from`/`to`, one with `days`.')
  }
  if (from !== undefined && to !== undefined && (parseInstant(from) ?? 0) >= (parseInstant(to) ?? 0)) {
    reader.error(keys.get('from')?.value, `\`${name}.from\` (${from}) is not before \`to\` (${to}).`, 'Swap them, or fix the dates so that `from` comes first.')
  }
  if (reader.problems.length > problemsBefore || freezeName === undefined) return undefined
  const freeze: Freeze = { name: freezeName, timezone: timezone ?? 'UTC', allow: allow ?? [] }
  if (from !== undefined && to !== undefined) {
    freeze.from = from
    freeze.to = to
  }
  if (days !== undefined) freeze.days = days
  return freeze
}

function readInstant(reader: PolicyReader, node: YamlNode, name: string): string | undefined {
  const text = reader.string(node, name)
  if (text === undefined) return undefined
  if (parseInstant(text) !== undefined) return text
  reader.error(node, `\`${name}\`: \`${text}\` is not a valid date and time with a UTC offset.`, `Write it as in \`2026-12-20T00:00:00+01:00\` (or with \`Z\` for UTC), in quotes.`)
  return undefined
}

function readDays(reader: PolicyReader, node: YamlNode, name: string): Weekday[] | undefined {
  const days = reader.stringList(node, name, (day, at, itemName) => {
    if ((WEEKDAY_WORDS as readonly string[]).includes(day)) return true
    const byPrefix = WEEKDAY_WORDS.find((word) => day.toLowerCase().startsWith(word))
    const suggestion = byPrefix ?? nearestWord(day, WEEKDAY_WORDS)
    reader.error(at, `\`${itemName}\`: \`${day}\` is not a known weekday.`, `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Use three-letter lowercase days: ${WEEKDAY_WORDS.map((word) => `\`${word}\``).join(', ')}.`)
    return false
  })
  if (days && days.length === 0) {
    reader.error(node, `\`${name}\` is empty, so the freeze never applies.`, 'List the days to freeze, e.g. `[sat, sun]`, or remove the freeze.')
    return undefined
  }
  return days as Weekday[] | undefined
}

function readTimeZone(reader: PolicyReader, node: YamlNode, name: string): string | undefined {
  const zone = reader.string(node, name)
  if (zone === undefined) return undefined
  if (isKnownTimeZone(zone)) return zone
  reader.error(node, `\`${name}\`: \`${zone}\` is not a known IANA time zone.`, 'Write a zone name such as `Europe/Paris`, `America/New_York` or `UTC`.')
  return undefined
}

/**
 * `required-checks`: names, or `{name, app}` to accept only a check run posted by that
 * GitHub App (its slug): anyone who can push can post a status or a check run with any
 * name, so a pinned check cannot be satisfied by another app or by a commit status.
 */
function readRequiredChecks(reader: PolicyReader, node: YamlNode, name: string): { names: string[]; apps: Record<string, string> } | undefined {
  if (node.kind !== 'sequence') return reader.stringList(node, name) === undefined ? undefined : { names: [], apps: {} }
  const names: string[] = []
  const apps: Record<string, string> = {}
  let ok = true
  node.items.forEach((item, index) => {
    const itemName = `${name}[${index}]`
    if (item.kind === 'mapping') {
      const keys = reader.section(item, 'deploy.required-checks[]', itemName)
      const checkName = keys ? reader.optional(keys, 'name', itemName, (n, at) => reader.string(n, at))?.trim() : undefined
      const app = keys ? reader.optional(keys, 'app', itemName, (n, at) => reader.string(n, at))?.trim() : undefined
      if (keys && !keys.has('name')) reader.error(item, `\`${itemName}\` has no \`name\`.`, 'Add `name:` with the check run\'s name, e.g. `name: test`.')
      if (keys && !keys.has('app')) reader.error(item, `\`${itemName}\` has no \`app\`.`, 'Add `app:` with the slug of the GitHub App that posts the check (e.g. `github-actions`), or write the name alone.')
      if (checkName === undefined || app === undefined) {
        ok = false
        return
      }
      if (!/^[a-z0-9][a-z0-9-]*$/.test(app)) {
        reader.error(keys?.get('app')?.value, `\`${itemName}.app\`: \`${app}\` is not a GitHub App slug.`, 'Write the app\'s slug as in its URL (github.com/apps/<slug>), e.g. `github-actions`.')
        ok = false
        return
      }
      names.push(checkName)
      apps[checkName] = app
      return
    }
    if (item.kind !== 'scalar' || item.type === 'null' || item.text.trim() === '') {
      reader.error(item, `\`${itemName}\` must be a check name or \`{name, app}\`.`, 'Write the check run or status name as text, e.g. `test`, or `{name: test, app: github-actions}` to pin the app.')
      ok = false
      return
    }
    names.push(item.text)
  })
  return ok ? { names, apps } : undefined
}
