// Every YAML file GitHub reads goes through js-yaml with the YAML 1.2 core schema, duplicate
// keys refused and no custom tags: at least as strict as GitHub's own readers.
import { CORE_SCHEMA, load } from 'js-yaml'
import type { Problem } from './problem'

export function loadStrictYaml(file: string, text: string): { value: unknown } | { problem: Problem } {
  try {
    return { value: load(text, { filename: file, schema: CORE_SCHEMA }) }
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark
    const at = mark?.line !== undefined ? `:${mark.line + 1}:${(mark.column ?? 0) + 1}` : ''
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error))
    return { problem: { file: `${file}${at}`, message: `not valid YAML: ${reason}` } }
  }
}

export type Mapping = Record<string, unknown>

export function isMapping(node: unknown): node is Mapping {
  return typeof node === 'object' && node !== null && !Array.isArray(node)
}
