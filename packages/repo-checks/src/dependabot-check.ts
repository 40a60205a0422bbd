// .github/dependabot.yml against the keys GitHub documents for the ones we use
// (https://docs.github.com/code-security/dependabot/working-with-dependabot/dependabot-options-reference):
// version 2, and each update's ecosystem, directory and schedule. An option outside this table
// is reported, so that adding one means reading its documentation first.
import type { Problem } from './problem'
import { isMapping, loadStrictYaml } from './strict-yaml'

const UPDATE_KEYS = ['package-ecosystem', 'directory', 'directories', 'schedule', 'open-pull-requests-limit', 'groups', 'ignore', 'labels', 'commit-message', 'cooldown']
const ECOSYSTEMS = ['npm', 'github-actions']
const INTERVALS = ['daily', 'weekly', 'monthly', 'quarterly', 'semiannually', 'yearly', 'cron']

export function checkDependabot(file: string, text: string): Problem[] {
  const loaded = loadStrictYaml(file, text)
  if ('problem' in loaded) return [loaded.problem]
  const root = loaded.value
  if (!isMapping(root)) return [{ file, message: 'the file is a mapping' }]
  const problems: Problem[] = []
  for (const key of Object.keys(root)) if (!['version', 'updates', 'registries', 'multi-ecosystem-groups'].includes(key)) problems.push({ file, message: `the key \`${key}\` is not one Dependabot reads` })
  if (root.version !== 2) problems.push({ file, message: 'version must be 2' })
  if (!Array.isArray(root.updates) || root.updates.length === 0) return [...problems, { file, message: '`updates` must list at least one ecosystem' }]
  root.updates.forEach((update: unknown, index) => {
    const where = `updates[${index}]`
    if (!isMapping(update)) {
      problems.push({ file, message: `${where} must be a mapping` })
      return
    }
    for (const key of Object.keys(update)) if (!UPDATE_KEYS.includes(key)) problems.push({ file, message: `${where} has the key \`${key}\`, which this check does not know (known: ${UPDATE_KEYS.join(', ')})` })
    if (!ECOSYSTEMS.includes(String(update['package-ecosystem']))) problems.push({ file, message: `${where}: package-ecosystem "${String(update['package-ecosystem'])}" is not one of ${ECOSYSTEMS.join(', ')}` })
    if (typeof update.directory !== 'string' && !Array.isArray(update.directories)) problems.push({ file, message: `${where} needs a directory` })
    const schedule = update.schedule
    if (!isMapping(schedule) || !INTERVALS.includes(String(schedule.interval))) problems.push({ file, message: `${where}: schedule.interval must be one of ${INTERVALS.join(', ')}` })
  })
  return problems
}
