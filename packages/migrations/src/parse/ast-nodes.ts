// Typed access to libpg-query's JSON parse tree, where every node is an object with one
// key naming its type ({ CreateStmt: {...} }).
import type { Node, RangeVar } from 'libpg-query'

type KeysOfUnion<T> = T extends unknown ? keyof T : never
export type NodeTag = KeysOfUnion<Node>
export type NodeOf<K extends NodeTag> = Extract<Node, { [P in K]: unknown }> extends infer N
  ? N extends { [P in K]: infer V }
    ? V
    : never
  : never

/** The node's payload when it is of the given type, else undefined. */
export function nodeAs<K extends NodeTag>(node: Node | undefined, tag: K): NodeOf<K> | undefined {
  if (node === undefined || !(tag in node)) return undefined
  return (node as Record<K, NodeOf<K>>)[tag]
}

/** The type name of a node (`CreateStmt`). */
export function nodeTag(node: Node): NodeTag {
  return Object.keys(node)[0] as NodeTag
}

/** A String node's value (identifiers in name lists are String nodes). */
export function stringValue(node: Node | undefined): string | undefined {
  return nodeAs(node, 'String')?.sval
}

/** The names in a list of String nodes (`auth.uid` → ['auth', 'uid']). */
export function nameList(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map((node) => stringValue(node)).filter((name): name is string => name !== undefined)
}

/**
 * A relation's name as `schema.name`. Unqualified names resolve to `public`, as they do
 * under Supabase's search path for anything a migration creates.
 */
export function qualifiedName(relation: RangeVar | undefined): string {
  if (!relation?.relname) return ''
  return `${relation.schemaname ?? 'public'}.${relation.relname}`
}

/** `schema.name` from a name list such as DROP TABLE's (`a` or `s.a`). */
export function qualifiedNameOfList(names: string[]): string {
  const name = names[names.length - 1] ?? ''
  const schema = names.length > 1 ? names[names.length - 2] : 'public'
  return `${schema}.${name}`
}
