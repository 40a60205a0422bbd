// The workflows our documentation shows (```yaml blocks with `on:` and `jobs:`), found with a
// CommonMark parser (marked's lexer): users copy them, so they pass the same checks as the
// templates. Fragments (a step, a policy file) are not workflows and are left alone.
import { lexer, type Tokens } from 'marked'
import { CORE_SCHEMA, load } from 'js-yaml'
import { isMapping } from './strict-yaml'

export interface DocumentedWorkflow {
  /** `<file>, example N` */
  name: string
  text: string
}

export function documentedWorkflows(file: string, markdown: string): DocumentedWorkflow[] {
  const blocks = lexer(markdown).filter((token): token is Tokens.Code => token.type === 'code' && /^ya?ml$/.test(token.lang ?? ''))
  const out: DocumentedWorkflow[] = []
  blocks.forEach((block, index) => {
    let value: unknown
    try {
      value = load(block.text, { schema: CORE_SCHEMA })
    } catch {
      value = undefined // not YAML on its own; a workflow that does not parse still has both keys below
    }
    const looksLikeWorkflow = isMapping(value) ? 'jobs' in value && 'on' in value : /^on:/m.test(block.text) && /^jobs:/m.test(block.text)
    if (looksLikeWorkflow) out.push({ name: `${file}, example ${index + 1}`, text: block.text })
  })
  return out
}
