// What a dependency bot's pull request bumps, read from the texts the bots write. Best
// source first: Dependabot's YAML block in the commit message (what dependabot/fetch-metadata
// reads), then Dependabot's titles and bodies, then Renovate's update table and title.
// Whatever cannot be read precisely is 'unknown', which no policy pre-approves.
import { load } from 'js-yaml'
import type { DependencyUpdate } from './classification-types'
import { largerLevel, parseVersion, semverLevel } from './semver-level'
import type { SemverLevel } from './types'

export interface DependencyUpdateTexts {
  title: string
  body: string
  commitMessages: string[]
}

// Bodies can be 65,536 characters; nothing a bot writes about versions is further down.
const MAX_TEXT = 100_000
// `build(deps): `, `chore(deps-dev)!: `, `[Security] ` in front of a bot's title.
const TITLE_PREFIX = String.raw`^(?:\[security\]\s*)?(?:[\w-]+(?:\([^)\n]*\))?!?:\s*)?`

/** null when the texts are not a dependency update at all; [] when they are but say nothing readable. */
export function parseDependencyUpdates(input: DependencyUpdateTexts): DependencyUpdate[] | null {
  try {
    const title = clean(input.title).split('\n')[0]?.trim() ?? ''
    const body = clean(input.body)
    const messages = (input.commitMessages ?? []).map(clean)
    const fromMetadata = messages.flatMap(dependabotMetadata)
    if (fromMetadata.length > 0) return fromMetadata
    const fromDependabot = dependabotTexts(title, body)
    if (fromDependabot.length > 0) return fromDependabot
    const fromRenovate = renovateTexts(title, body)
    if (fromRenovate.length > 0) return fromRenovate
    return looksLikeDependencyUpdate(title, body) ? [] : null
  } catch {
    // Unreadable input says nothing about the bumps; never let it pass as readable.
    return []
  }
}

function clean(text: unknown): string {
  return typeof text === 'string' ? text.slice(0, MAX_TEXT).replace(/\r\n?/g, '\n') : ''
}

// ---- Dependabot's commit-message metadata ---------------------------------------------

const METADATA_BLOCK = /^---\n([\s\S]*?)\n\.\.\.$/m
const UPDATE_TYPES: Record<string, SemverLevel> = {
  'version-update:semver-patch': 'patch',
  'version-update:semver-minor': 'minor',
  'version-update:semver-major': 'major'
}

function dependabotMetadata(message: string): DependencyUpdate[] {
  const block = METADATA_BLOCK.exec(message)?.[1]
  if (block === undefined) return []
  let data: unknown
  try {
    data = load(block)
  } catch {
    return []
  }
  const listed = isRecord(data) ? data['updated-dependencies'] : undefined
  if (!Array.isArray(listed)) return []
  const versions = dependabotVersionLines(message)
  const single = dependabotSingleBump(message.split('\n')[0] ?? '', message)
  const updates: DependencyUpdate[] = []
  for (const entry of listed) {
    if (!isRecord(entry) || typeof entry['dependency-name'] !== 'string') continue
    const name = entry['dependency-name']
    const known = versions.get(name)?.shift() ?? (single !== undefined && single.name.toLowerCase() === name.toLowerCase() ? single : undefined)
    const to = typeof entry['dependency-version'] === 'string' ? entry['dependency-version'] : (known?.to ?? '')
    const from = known?.from ?? ''
    const declared = typeof entry['update-type'] === 'string' ? UPDATE_TYPES[entry['update-type']] : undefined
    updates.push({ name, from, to, level: combinedLevel(from, to, declared) })
  }
  return updates
}

/**
 * The level from the versions when both are known, checked against what the bot declared;
 * the bot's word alone when the versions are not both known.
 */
function combinedLevel(from: string, to: string, declared: SemverLevel | undefined): SemverLevel | 'unknown' {
  if (from !== '' && to !== '') {
    const measured = semverLevel(from, to)
    return measured === 'unknown' || declared === undefined ? measured : largerLevel(measured, declared)
  }
  if (declared === undefined) return 'unknown'
  // The bot's semver level does not know that 0.x minors break; the new version does.
  const target = to === '' ? undefined : parseVersion(to)
  if (target && target.parts[0] === 0 && (declared === 'minor' || target.parts[1] === 0)) return 'major'
  return declared
}

// ---- Dependabot's titles and bodies ----------------------------------------------------

interface Bump {
  name: string
  from: string
  to: string
}

const BUMP_TITLE = new RegExp(`${TITLE_PREFIX}bump (\\S+) from (\\S+) to (\\S+?)(?:\\s+in\\s+\\S+)?$`, 'i')
const REQUIREMENT_TITLE = new RegExp(`${TITLE_PREFIX}update (\\S+) requirement from (.+?) to (.+?)(?:\\s+in\\s+\\S+)?$`, 'i')
const GROUP_TITLE = new RegExp(`${TITLE_PREFIX}bump the \\S+ group\\b`, 'i')
const BUMPS_LINE = /^Bumps \[?([^\]\s]+)\]?(?:\([^)\s]*\))? from (\S+) to (\S+?)\.?$/m
// Grouped updates list one line per dependency: "Updates `x` from 1.0.0 to 1.0.1".
const UPDATES_LINE = /^Updates `([^`\n]+)` (?:from (\S+) )?to (\S+?)\.?$/gm
const UPDATES_LINK_LINE = /^Updates \[`?([^\]`\n]+)`?\]\([^)\s]*\) (?:from (\S+) )?to (\S+?)\.?$/gm

function dependabotSingleBump(title: string, body: string): Bump | undefined {
  const titled = BUMP_TITLE.exec(title) ?? REQUIREMENT_TITLE.exec(title)
  if (titled) return { name: stripTicks(titled[1] ?? ''), from: stripTicks(titled[2] ?? ''), to: stripTicks(titled[3] ?? '') }
  const line = BUMPS_LINE.exec(body)
  if (line) return { name: line[1] ?? '', from: stripTicks(line[2] ?? ''), to: stripTicks(line[3] ?? '') }
  return undefined
}

function dependabotVersionLines(text: string): Map<string, Bump[]> {
  const found = new Map<string, Bump[]>()
  for (const pattern of [UPDATES_LINE, UPDATES_LINK_LINE]) {
    for (const match of text.matchAll(pattern)) {
      const bump = { name: match[1] ?? '', from: stripTicks(match[2] ?? ''), to: stripTicks(match[3] ?? '') }
      const list = found.get(bump.name)
      if (list) list.push(bump)
      else found.set(bump.name, [bump])
    }
  }
  return found
}

function dependabotTexts(title: string, body: string): DependencyUpdate[] {
  const grouped = GROUP_TITLE.test(title) || /^Bumps the \S+ group/m.test(body)
  if (grouped) {
    const lines = [...dependabotVersionLines(body).values()].flat()
    const bumps = lines.length > 0 ? lines : fromToTable(body)
    return bumps.map(toUpdate)
  }
  const single = dependabotSingleBump(title, body)
  return single ? [toUpdate(single)] : []
}

function toUpdate(bump: Bump): DependencyUpdate {
  return { name: bump.name, from: bump.from, to: bump.to, level: bump.from === '' || bump.to === '' ? 'unknown' : semverLevel(bump.from, bump.to) }
}

// ---- Renovate --------------------------------------------------------------------------

const RENOVATE_TITLE = new RegExp(`${TITLE_PREFIX}update (.+?) to (\\S+?)(?:\\s*\\[security\\])?(?:\\s*-\\s*autoclosed)?$`, 'i')
const RENOVATE_SUBJECT = /^(?:dependency|module|package|plugin)\s|\scrate\s|\s(?:action|docker tag|monorepo)$/i
const ARROW_PAIR = /`([^`\n]+)`\s*(?:->|→|➔)\s*`([^`\n]+)`/
const RENOVATE_UPDATE_WORDS: Record<string, SemverLevel | 'unknown'> = {
  patch: 'patch',
  minor: 'minor',
  major: 'major',
  digest: 'unknown',
  pin: 'unknown',
  pindigest: 'unknown',
  lockfilemaintenance: 'unknown',
  replacement: 'unknown',
  rollback: 'unknown',
  bump: 'unknown'
}

function renovateTexts(title: string, body: string): DependencyUpdate[] {
  const rows = renovateTableRows(body)
  if (rows.length > 0) return rows
  const titled = RENOVATE_TITLE.exec(title)
  // "Update docs to v2" is not a dependency update unless Renovate wrote it.
  if (!titled || !(RENOVATE_SUBJECT.test(titled[1] ?? '') || /renovate/i.test(body))) return []
  const name = renovatePackageName(titled[1] ?? '')
  const to = titled[2] ?? ''
  if (name === '' || !/\d/.test(to)) return []
  // The title says where to; the body's `from -> to` (if any) says where from.
  const pair = ARROW_PAIR.exec(body)
  const from = pair && sameVersion(pair[2] ?? '', to) ? (pair[1] ?? '') : ''
  return [{ name, from, to, level: from === '' ? 'unknown' : semverLevel(from, to) }]
}

function renovatePackageName(subject: string): string {
  return subject
    .replace(/^(?:dependency|module|package|plugin)\s+/i, '')
    .replace(/^[\w.]+(?:\s[\w.]+)?\s+crate\s+/i, '')
    .replace(/\s+(?:action|docker tag|digest|monorepo|image|orb)$/i, '')
    .trim()
}

function sameVersion(a: string, b: string): boolean {
  return a.replace(/^[vV]/, '') === b.replace(/^[vV]/, '')
}

function renovateTableRows(body: string): DependencyUpdate[] {
  const updates: DependencyUpdate[] = []
  for (const [header, ...rows] of markdownTables(body)) {
    const columns = (header ?? []).map((cell) => cell.trim().toLowerCase())
    const packageColumn = columns.indexOf('package')
    if (packageColumn < 0 || !columns.some((cell) => cell.includes('change'))) continue
    for (const row of rows) {
      const pair = ARROW_PAIR.exec(row.join('|'))
      const name = packageCell(row[packageColumn] ?? '')
      if (!pair || name === '') continue
      const from = pair[1] ?? ''
      const to = pair[2] ?? ''
      let level = semverLevel(from, to)
      const word = row.map((cell) => cell.trim().toLowerCase()).find((cell) => Object.hasOwn(RENOVATE_UPDATE_WORDS, cell))
      if (word !== undefined) level = largerLevel(level, RENOVATE_UPDATE_WORDS[word] ?? 'unknown')
      updates.push({ name, from, to, level })
    }
  }
  return updates
}

/** Dependabot's table for groups across directories: `| Package | From | To |`. */
function fromToTable(body: string): Bump[] {
  const bumps: Bump[] = []
  for (const [header, ...rows] of markdownTables(body)) {
    const columns = (header ?? []).map((cell) => cell.trim().toLowerCase())
    const [packageColumn, fromColumn, toColumn] = ['package', 'from', 'to'].map((name) => columns.indexOf(name)) as [number, number, number]
    if (packageColumn < 0 || fromColumn < 0 || toColumn < 0) continue
    for (const row of rows) {
      const name = packageCell(row[packageColumn] ?? '')
      if (name !== '') bumps.push({ name, from: stripTicks(row[fromColumn] ?? ''), to: stripTicks(row[toColumn] ?? '') })
    }
  }
  return bumps
}

/** Each Markdown table as its rows of cells, header first, separator dropped. */
function markdownTables(body: string): string[][][] {
  const tables: string[][][] = []
  let table: string[][] = []
  let pending = ''
  const close = (): void => {
    if (table.length > 0) tables.push(table)
    table = []
  }
  for (const line of body.split('\n')) {
    const trimmed = line.trim()
    if (pending === '' && !trimmed.startsWith('|')) {
      close()
      continue
    }
    pending = pending === '' ? trimmed : `${pending} ${trimmed}`
    // A row that a commit message wrapped over several lines is joined back up.
    if (!pending.endsWith('|') && pending.length < 4000) continue
    const cells = pending.replace(/^\|/, '').replace(/\|$/, '').split('|')
    pending = ''
    if (!cells.every((cell) => /^\s*:?-+:?\s*$/.test(cell))) table.push(cells)
  }
  close()
  return tables
}

/** `[lodash](https://…) ([source](https://…))` or `lodash` → `lodash`. */
function packageCell(cell: string): string {
  const link = /^\s*\[`?([^\]`]+)`?\]\(/.exec(cell)
  const name = link ? (link[1] ?? '') : (cell.split(' (')[0] ?? '')
  return stripTicks(name.trim())
}

function stripTicks(text: string): string {
  return text.trim().replace(/^`|`$/g, '').trim()
}

function looksLikeDependencyUpdate(title: string, body: string): boolean {
  return (
    GROUP_TITLE.test(title) ||
    new RegExp(`${TITLE_PREFIX}(?:lock file maintenance|pin dependencies|update all (?:non-major )?dependencies)`, 'i').test(title) ||
    /This PR contains the following updates|renovatebot\.com|Dependabot will resolve any conflicts with this PR/i.test(body)
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
