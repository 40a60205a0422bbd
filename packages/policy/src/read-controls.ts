// `controls`: extra requirements for changes that touch given paths.
import { describeNode, type PolicyReader } from './policy-reader'
import { BUILT_IN_CONTROL_NAMES } from './policy-schema'
import type { Control } from './types'
import type { YamlNode } from './yaml-document'

/** The written controls; the built-in ones are appended by the caller. */
export function readControls(reader: PolicyReader, node: YamlNode | undefined, defaults: Control[]): Control[] {
  if (!node) return defaults
  if (node.kind !== 'sequence') {
    reader.error(node, `\`controls\` must be a list of controls, but it is ${describeNode(node)}.`, 'Write each control as a list item starting with `- name: …`; write `controls: []` for none, or remove the key to keep the default controls.')
    return []
  }
  const controls: Control[] = []
  const names = new Map<string, number>()
  node.items.forEach((item, index) => {
    // Checked on the written name, so that a duplicate is reported even when either
    // control has other problems too.
    const written = nameNode(item)
    const folded = written?.kind === 'scalar' ? written.text.trim().toLowerCase() : ''
    const first = folded === '' ? undefined : names.get(folded)
    if (first !== undefined) {
      reader.error(written, `Two controls are named \`${written?.kind === 'scalar' ? written.text.trim() : ''}\` (controls[${first}] and controls[${index}]).`, 'Give each control its own name, or merge the two.')
    } else if (folded !== '') {
      names.set(folded, index)
    }
    const control = readControl(reader, item, `controls[${index}]`)
    if (control && first === undefined) controls.push(control)
  })
  return controls
}

function readControl(reader: PolicyReader, node: YamlNode, name: string): Control | undefined {
  const keys = reader.section(node, 'controls[]', name)
  if (!keys) {
    if (node.kind === 'scalar' && node.type === 'null') reader.error(node, `\`${name}\` is empty.`, 'Remove the empty `-` item, or give it a `name` and `paths`.')
    return undefined
  }
  let ok = true
  const controlName = reader.optional(keys, 'name', name, (n, at) => reader.string(n, at))?.trim()
  if (!keys.has('name')) {
    reader.error(node, `\`${name}\` has no \`name\`.`, 'Add `name:` with a short name for the control, e.g. `name: database`.')
    ok = false
  } else if (controlName === undefined) {
    ok = false
  } else if ((BUILT_IN_CONTROL_NAMES as readonly string[]).includes(controlName.toLowerCase())) {
    reader.error(keys.get('name')?.value, `\`${controlName}\` is the name of a built-in control.`, `Choose another name; the built-in \`${controlName}\` control always applies on its own.`)
    ok = false
  }
  const paths = reader.optional(keys, 'paths', name, (n, at) => reader.globList(n, at))
  if (!keys.has('paths')) {
    reader.error(node, `\`${name}\` has no \`paths\`.`, 'Add `paths:` with the globs of the files this control covers, e.g. `paths: ["supabase/**"]`.')
    ok = false
  } else if (paths === undefined) {
    ok = false
  } else if (paths.length === 0) {
    reader.error(keys.get('paths')?.value, `\`${name}.paths\` is empty, so the control can never apply.`, 'List at least one glob, or remove the control.')
    ok = false
  }
  const approvals = keys.has('approvals') ? reader.optional(keys, 'approvals', name, (n, at) => reader.count(n, at)) : 0
  const reviewers = keys.has('reviewers') ? reader.optional(keys, 'reviewers', name, (n, at) => reader.principalList(n, at)) : []
  const requiredChecks = keys.has('required-checks') ? reader.optional(keys, 'required-checks', name, (n, at) => reader.stringList(n, at)) : []
  if (!ok || controlName === undefined || paths === undefined || approvals === undefined || reviewers === undefined || requiredChecks === undefined) return undefined
  if (approvals === 0 && reviewers.length > 0) {
    reader.warn(keys.get('reviewers')?.value, `Control \`${controlName}\` lists reviewers but requires no approval, so none of them will be asked for one.`, `Set \`approvals:\` to 1 or more in control \`${controlName}\`, or remove \`reviewers\`.`)
  }
  return { name: controlName, paths, approvals, reviewers, requiredChecks, builtIn: false }
}

function nameNode(item: YamlNode): YamlNode | undefined {
  if (item.kind !== 'mapping') return undefined
  return item.entries.find((entry) => entry.key.kind === 'scalar' && entry.key.text === 'name')?.value
}
