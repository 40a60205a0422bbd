// The issue form and pull request template users copy (workflows-templates/), judged by the
// same code require-approval runs. The body is rendered from the form's YAML as GitHub
// renders issue forms: each field that takes input becomes "### <label>", a blank line, and
// the answer, or "_No response_" when it was left empty; markdown fields are not written.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { defaultPolicy } from '../defaults'
import type { Policy } from '../types'
import { evaluateChangeRequest } from './evaluate-change-request'
import { facts, issue, REPO } from './change-request-fixtures'
import { parseIssueReferences } from './issue-references'

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'workflows-templates')

interface FormField {
  type: 'markdown' | 'textarea' | 'input' | 'dropdown' | 'checkboxes'
  id?: string
  attributes: { label?: string; render?: string }
  validations?: { required?: boolean }
}

interface IssueForm {
  name: string
  labels?: string[]
  body: FormField[]
}

const form = load(readFileSync(join(TEMPLATES, 'ISSUE_TEMPLATE', 'change-request.yml'), 'utf8')) as IssueForm
const answered = form.body.filter((field) => field.type !== 'markdown')

/** The issue body GitHub writes from the form, `answers` by field id ('' or absent: left empty). */
function renderForm(answers: Record<string, string>): string {
  return answered
    .map((field) => {
      const answer = (answers[field.id ?? ''] ?? '').trim()
      const value = answer === '' ? '_No response_' : field.attributes.render ? `\`\`\`${field.attributes.render}\n${answer}\n\`\`\`` : answer
      return `### ${field.attributes.label ?? ''}\n\n${value}`
    })
    .join('\n\n')
}

function everyFieldFilled(): Record<string, string> {
  return Object.fromEntries(answered.map((field) => [field.id ?? '', `What the author wrote for ${field.attributes.label}.`]))
}

function requiring(labels: string[] = []): Policy {
  const policy = defaultPolicy()
  return { ...policy, changeRequest: { ...policy.changeRequest, required: ['normal'], labels } }
}

const fromForm = (body: string) => facts({ linkedIssues: [issue(12, { body, labels: form.labels ?? [] })] })

describe('the change-request issue form', () => {
  test("its fields are exactly the default policy's sections, in order", () => {
    expect(answered.map((field) => field.attributes.label)).toEqual(defaultPolicy().changeRequest.sections)
  })

  test('a body written by the form with every field filled documents the change', () => {
    const result = evaluateChangeRequest(fromForm(renderForm(everyFieldFilled())), requiring())
    expect(result.satisfied).toBe(true)
    expect(result.record?.justification).toBe('What the author wrote for Justification.')
    expect(result.record?.impact).toBe('What the author wrote for Impact assessment.')
  })

  test.each(answered.map((field) => [field.attributes.label ?? '', field.id ?? '']))('a body with %s left empty fails on that field', (label, id) => {
    const body = renderForm({ ...everyFieldFilled(), [id]: '' })
    expect(body).toContain(`### ${label}\n\n_No response_`)
    const result = evaluateChangeRequest(fromForm(body), requiring())
    expect(result.satisfied).toBe(false)
    expect(result.missing).toEqual([`issue #12 has no text under '${label}': fill in that section`])
  })

  test('every field is required in the form, so GitHub refuses to open the issue without them', () => {
    expect(answered.every((field) => field.validations?.required === true)).toBe(true)
  })

  test('the issues it opens carry the change-request label, which a policy can require', () => {
    expect(form.labels).toEqual(['change-request'])
    expect(evaluateChangeRequest(fromForm(renderForm(everyFieldFilled())), requiring(['change-request'])).satisfied).toBe(true)
  })
})

describe('the pull request template', () => {
  const template = readFileSync(join(TEMPLATES, 'PULL_REQUEST_TEMPLATE.md'), 'utf8')

  test('as it comes, it links nothing: its examples are in a comment', () => {
    expect(parseIssueReferences(template, REPO).references).toEqual([])
  })

  test('with the number filled in, it links the change request', () => {
    const filled = template.replace('Change request: Closes #\n', 'Change request: Closes #12\n')
    expect(parseIssueReferences(filled, REPO).references).toMatchObject([{ number: 12, closing: true, crossRepository: false }])
  })
})
