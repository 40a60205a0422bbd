// The files of this repository that GitHub reads, found on disk so that a new one is checked
// without being listed anywhere.
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

function filesIn(dir: string, suffix: string): string[] {
  const full = join(REPO_ROOT, dir)
  if (!existsSync(full)) return []
  return readdirSync(full)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => `${dir}/${name}`)
}

/** The names of actions/<name>/ that hold an action.yml. */
export function actionNames(): string[] {
  return readdirSync(join(REPO_ROOT, 'actions'))
    .filter((name) => existsSync(join(REPO_ROOT, 'actions', name, 'action.yml')))
    .sort()
}

/** Workflows users copy and the ones this repository runs. */
export function workflowFiles(): string[] {
  return [...filesIn('workflows-templates', '.yml'), ...filesIn('.github/workflows', '.yml')]
}

export function issueFormFiles(): string[] {
  return [...filesIn('workflows-templates/ISSUE_TEMPLATE', '.yml'), ...filesIn('.github/ISSUE_TEMPLATE', '.yml')].filter((file) => !file.endsWith('/config.yml'))
}

export function propertiesFiles(): string[] {
  return filesIn('workflows-templates', '.properties.json')
}

/** Markdown files whose examples users copy. */
export function documentationFiles(): string[] {
  return ['README.md', ...filesIn('docs', '.md'), ...actionNames().map((name) => `actions/${name}/README.md`)].filter((file) => existsSync(join(REPO_ROOT, file)))
}
