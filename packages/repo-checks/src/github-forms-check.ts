// Issue forms and starter-workflow properties, against the keys GitHub documents for them
// (no maintained JSON schema for either is published on npm). One table each:
// - issue forms: https://docs.github.com/communities/using-templates-to-encourage-useful-issues-and-pull-requests/syntax-for-issue-forms
//   and https://docs.github.com/communities/using-templates-to-encourage-useful-issues-and-pull-requests/syntax-for-githubs-form-schema
// - workflow template properties: https://docs.github.com/actions/how-tos/reuse-automations/create-workflow-templates
//   (the metadata keys: name, description, iconName, categories, filePatterns)
import type { Problem } from './problem'
import { isMapping, loadStrictYaml, type Mapping } from './strict-yaml'

type Kind = 'string' | 'boolean' | 'array' | 'mapping' | 'strings'
interface Key {
  kind: Kind | readonly Kind[]
  required?: boolean
}
type Table = Readonly<Record<string, Key>>

const FORM_TOP: Table = {
  name: { kind: 'string', required: true },
  description: { kind: 'string', required: true },
  body: { kind: 'array', required: true },
  assignees: { kind: ['strings', 'string'] },
  labels: { kind: ['strings', 'string'] },
  projects: { kind: ['strings', 'string'] },
  title: { kind: 'string' },
  type: { kind: 'string' }
}
const ELEMENT: Table = { type: { kind: 'string', required: true }, id: { kind: 'string' }, attributes: { kind: 'mapping', required: true }, validations: { kind: 'mapping' } }
const ATTRIBUTES: Readonly<Record<string, Table>> = {
  markdown: { value: { kind: 'string', required: true } },
  textarea: { label: { kind: 'string', required: true }, description: { kind: 'string' }, placeholder: { kind: 'string' }, value: { kind: 'string' }, render: { kind: 'string' } },
  input: { label: { kind: 'string', required: true }, description: { kind: 'string' }, placeholder: { kind: 'string' }, value: { kind: 'string' } },
  dropdown: { label: { kind: 'string', required: true }, description: { kind: 'string' }, multiple: { kind: 'boolean' }, options: { kind: 'strings', required: true }, default: { kind: 'string' } },
  checkboxes: { label: { kind: 'string', required: true }, description: { kind: 'string' }, options: { kind: 'array', required: true } }
}
const VALIDATIONS: Table = { required: { kind: 'boolean' } }
const CHECKBOX_OPTION: Table = { label: { kind: 'string', required: true }, required: { kind: 'boolean' } }

const PROPERTIES: Table = {
  name: { kind: 'string', required: true },
  description: { kind: 'string', required: true },
  iconName: { kind: 'string' },
  categories: { kind: 'strings' },
  filePatterns: { kind: 'strings' }
}

function kindOf(value: unknown): Kind | undefined {
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'boolean'
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? 'strings' : 'array'
  if (isMapping(value)) return 'mapping'
  return undefined
}

function checkTable(node: Mapping, table: Table, where: string, file: string): Problem[] {
  const problems: Problem[] = []
  for (const [key, value] of Object.entries(node)) {
    const spec = table[key]
    if (spec === undefined) {
      problems.push({ file, message: `${where} has the key \`${key}\`, which GitHub does not allow there (allowed: ${Object.keys(table).join(', ')})` })
      continue
    }
    const kinds = typeof spec.kind === 'string' ? [spec.kind] : spec.kind
    const actual = kindOf(value)
    const fits = actual !== undefined && (kinds.includes(actual) || (actual === 'strings' && kinds.includes('array')))
    if (!fits) problems.push({ file, message: `${where}: \`${key}\` must be ${kinds.join(' or ')}` })
  }
  for (const [key, spec] of Object.entries(table)) if (spec.required && !(key in node)) problems.push({ file, message: `${where} needs \`${key}\`` })
  return problems
}

export function checkIssueForm(file: string, text: string): Problem[] {
  const loaded = loadStrictYaml(file, text)
  if ('problem' in loaded) return [loaded.problem]
  const form = loaded.value
  if (!isMapping(form)) return [{ file, message: 'an issue form is a mapping' }]
  const problems = checkTable(form, FORM_TOP, 'the form', file)
  const ids = new Set<string>()
  const labels = new Set<string>()
  ;(Array.isArray(form.body) ? form.body : []).forEach((element: unknown, index) => {
    const where = `body[${index}]`
    if (!isMapping(element)) {
      problems.push({ file, message: `${where} must be a mapping` })
      return
    }
    problems.push(...checkTable(element, ELEMENT, where, file))
    const attributes = ATTRIBUTES[String(element.type)]
    if (attributes === undefined) {
      problems.push({ file, message: `${where}: type "${String(element.type)}" is not one of ${Object.keys(ATTRIBUTES).join(', ')}` })
      return
    }
    if (isMapping(element.attributes)) problems.push(...checkTable(element.attributes, attributes, `${where}.attributes`, file))
    if (isMapping(element.validations)) problems.push(...checkTable(element.validations, VALIDATIONS, `${where}.validations`, file))
    if (element.type === 'markdown' && (element.id !== undefined || element.validations !== undefined)) problems.push({ file, message: `${where}: a markdown element takes neither id nor validations` })
    if (element.type === 'checkboxes' && isMapping(element.attributes) && Array.isArray(element.attributes.options)) {
      element.attributes.options.forEach((option: unknown, n) => {
        if (isMapping(option)) problems.push(...checkTable(option, CHECKBOX_OPTION, `${where}.attributes.options[${n}]`, file))
        else problems.push({ file, message: `${where}.attributes.options[${n}] must be a mapping with a label` })
      })
    }
    // GitHub refuses a form whose ids or labels repeat.
    if (typeof element.id === 'string') {
      if (ids.has(element.id)) problems.push({ file, message: `${where}: the id "${element.id}" is used twice` })
      ids.add(element.id)
    }
    const label = isMapping(element.attributes) ? element.attributes.label : undefined
    if (typeof label === 'string') {
      if (labels.has(label)) problems.push({ file, message: `${where}: the label "${label}" is used twice` })
      labels.add(label)
    }
  })
  return problems
}

export function checkWorkflowProperties(file: string, text: string): Problem[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return [{ file, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]
  }
  if (!isMapping(value)) return [{ file, message: 'the properties are a JSON object' }]
  return checkTable(value, PROPERTIES, 'the properties', file)
}
