import { readFileSync } from 'node:fs'
import { RULE_NAMES } from './rule-registry'

// A user who sees a finding looks its rule up: every rule has a row in both rule tables.
const docs = ['../../../../actions/validate-migration/README.md', '../../README.md'].map((path) => ({ path, text: readFileSync(new URL(path, import.meta.url), 'utf8') }))

test.each(docs)('$path documents every rule', ({ text }) => {
  expect(RULE_NAMES.filter((rule) => !text.includes(`| \`${rule}\` |`))).toEqual([])
})
