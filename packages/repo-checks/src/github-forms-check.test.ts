import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkIssueForm, checkWorkflowProperties } from './github-forms-check'
import { describeProblems } from './problem'
import { issueFormFiles, propertiesFiles, REPO_ROOT, workflowFiles } from './repo-files'

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8')
const messages = (problems: { message: string }[]) => problems.map((p) => p.message)

test('there is an issue form and a properties file for each template', () => {
  expect(issueFormFiles()).toEqual(['workflows-templates/ISSUE_TEMPLATE/change-request.yml'])
  const templates = workflowFiles().filter((file) => file.startsWith('workflows-templates/'))
  expect(templates).toEqual(expect.arrayContaining(['workflows-templates/change-policy-approval.yml', 'workflows-templates/change-policy-pull-request.yml']))
  expect(propertiesFiles()).toEqual(templates.map((file) => file.replace(/\.yml$/, '.properties.json')))
})

test.each(issueFormFiles())('%s uses only the keys GitHub allows', (file) => {
  expect(describeProblems(checkIssueForm(file, read(file)))).toBe('')
})

test.each(propertiesFiles())('%s uses only the keys GitHub allows', (file) => {
  expect(describeProblems(checkWorkflowProperties(file, read(file)))).toBe('')
})

describe('a broken copy fails', () => {
  const form = read('workflows-templates/ISSUE_TEMPLATE/change-request.yml')
  const properties = read('workflows-templates/change-policy-classify.properties.json')

  test('an issue form with an unknown key, a wrong type, an unknown element and a repeated id', () => {
    const broken = form
      .replace('labels: ["change-request"]', 'labels: ["change-request"]\nassignee: octocat')
      .replace('      label: Justification', '      label: Justification\n      required: true')
      .replace('  - type: textarea\n    id: impact-assessment', '  - type: text\n    id: impact-assessment')
    expect(messages(checkIssueForm('f.yml', broken))).toEqual([
      expect.stringMatching(/^the form has the key `assignee`/),
      expect.stringMatching(/^body\[1\].attributes has the key `required`/),
      'body[2]: type "text" is not one of markdown, textarea, input, dropdown, checkboxes'
    ])
    expect(messages(checkIssueForm('f.yml', form.replace('id: impact-assessment', 'id: justification')))).toEqual(['body[2]: the id "justification" is used twice'])
    expect(messages(checkIssueForm('f.yml', form.replace(/^name: .*\n/m, '')))).toEqual(['the form needs `name`'])
    expect(messages(checkIssueForm('f.yml', form.replace('title: "[Change request]: "', 'title: [Change request]: ')))).toEqual([expect.stringMatching(/^not valid YAML/)])
  })

  test('properties with a key GitHub does not read, or a wrong type', () => {
    expect(messages(checkWorkflowProperties('p.json', properties.replace('"iconName"', '"icon"')))).toEqual([expect.stringMatching(/^the properties has the key `icon`/)])
    expect(messages(checkWorkflowProperties('p.json', properties.replace('["Security", "Compliance"]', '"Security"')))).toEqual(['the properties: `categories` must be strings'])
    expect(messages(checkWorkflowProperties('p.json', properties.replace('"categories"', 'categories')))).toEqual([expect.stringMatching(/^not valid JSON/)])
  })
})
