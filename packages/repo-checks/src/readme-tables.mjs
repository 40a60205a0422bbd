// The inputs and outputs tables in each actions/<name>/README.md, generated from its
// action.yml so that the two cannot disagree. Plain JavaScript so that
// `node scripts/readme-tables.mjs --write` runs without a TypeScript step; the test
// (readme-tables.test.ts) fails when a README's tables are not what this renders.
import { CORE_SCHEMA, load } from 'js-yaml'

export const MARKERS = {
  inputs: ['<!-- inputs: generated from action.yml by `node scripts/readme-tables.mjs --write`; do not edit -->', '<!-- end of inputs -->'],
  outputs: ['<!-- outputs: generated from action.yml by `node scripts/readme-tables.mjs --write`; do not edit -->', '<!-- end of outputs -->']
}

/** One table cell: one line, pipes escaped, as GitHub-flavoured Markdown reads a table. */
function cell(text) {
  return String(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim()
}

function code(text) {
  const ticks = String(text).includes('`') ? '`` ' : '`'
  return `${ticks}${text}${ticks === '`' ? '`' : ' ``'}`
}

export function renderTables(actionYmlText, file = 'action.yml') {
  const action = load(actionYmlText, { filename: file, schema: CORE_SCHEMA })
  const inputs = Object.entries(action?.inputs ?? {})
  const outputs = Object.entries(action?.outputs ?? {})
  const inputRows = inputs.map(([name, spec]) => {
    const fallback = spec?.default === undefined || spec.default === null || spec.default === '' ? '' : code(String(spec.default))
    return `| ${code(name)} | ${spec?.required === true ? 'yes' : 'no'} | ${fallback} | ${cell(spec?.description ?? '')} |`
  })
  const outputRows = outputs.map(([name, spec]) => `| ${code(name)} | ${cell(spec?.description ?? '')} |`)
  return {
    inputs: inputs.length === 0 ? 'This action takes no inputs.' : ['| input | required | default | description |', '| --- | --- | --- | --- |', ...inputRows].join('\n'),
    outputs: outputs.length === 0 ? 'This action sets no outputs.' : ['| output | description |', '| --- | --- |', ...outputRows].join('\n')
  }
}

/**
 * The README with its generated tables replaced by what action.yml says now. Throws when a
 * README lacks the markers, which say where the tables go.
 */
export function updateReadme(readmeText, actionYmlText, file = 'README.md') {
  const tables = renderTables(actionYmlText)
  let text = readmeText
  for (const kind of ['inputs', 'outputs']) {
    const [start, end] = MARKERS[kind]
    const from = text.indexOf(start)
    const to = text.indexOf(end, from)
    if (from < 0 || to < 0) throw new Error(`${file}: the ${kind} table markers are missing; put\n${start}\n${end}\nwhere the table goes`)
    text = `${text.slice(0, from + start.length)}\n${tables[kind]}\n${text.slice(to)}`
  }
  return text
}
