import { isFilled } from './section-filled'

describe('isFilled', () => {
  test.each([
    ['empty', ''],
    ['only whitespace', '  \n\t\n'],
    ['only an HTML comment', '<!-- Why is this change needed? -->'],
    ['only a multi-line HTML comment', '<!--\nDescribe the impact.\nWho is affected?\n-->'],
    ['several comments', '<!-- a --> <!-- b -->\n<!-- c -->'],
    ['only an unticked checklist', '- [ ] Database\n- [ ] API\n* [ ] UI\n1. [ ] Docs'],
    ["GitHub issue forms' _No response_", '_No response_'],
    ['No response without emphasis', 'No response'],
    ['TODO', 'TODO'],
    ['TBD with a full stop', 'TBD.'],
    ['N/A', 'N/A'],
    ['n/a in emphasis', '*n/a*'],
    ['a bracketed prompt', '<describe the impact here>'],
    ['only punctuation', '-\n...'],
    ['only an empty sub-heading', '### Details\n'],
    ['an empty code block', '```\n```']
  ])('%s is not filled', (_name, text) => {
    expect(isFilled(text)).toBe(false)
  })

  test.each([
    ['a sentence', 'Customers cannot export invoices.'],
    ['a sentence after a prompt comment', '<!-- Why? -->\nCustomers cannot export invoices.'],
    ['a ticked checklist item', '- [x] Database\n- [ ] API'],
    ['an unticked checklist with a sentence', '- [ ] API\nOnly the export changes.'],
    ['"None" as an answer', 'None'],
    ['code', '```sql\nalter table invoices add column x int;\n```'],
    ['a word containing a placeholder', 'TODOs were resolved'],
    ['a number', '3'],
    ['non-Latin text', '顧客が請求書をエクスポートできない'],
    ['a comment marker inside code', '`<!--` starts a comment in HTML']
  ])('%s is filled', (_name, text) => {
    expect(isFilled(text)).toBe(true)
  })
})

test('a long section is judged without backtracking through it', () => {
  const started = performance.now()
  expect(isFilled('a' + '. '.repeat(32_760) + 'b')).toBe(true)
  expect(isFilled('<' + ' '.repeat(65_000) + 'x')).toBe(true)
  expect(performance.now() - started).toBeLessThan(1000)
})
