// GitHub's OpenAPI description (from @octokit/openapi) as validators for the simulator's
// answers. OpenAPI 3.0 is not quite JSON Schema: `nullable: true` becomes a `null` type
// alternative here so that ajv reads it as GitHub means it. Test support only: the
// simulator itself never loads the 13 MB description.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import AjvModule, { type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

type Json = Record<string, unknown>

interface Operation {
  operationId?: string
  externalDocs?: { url?: string }
  responses?: Record<string, Json>
}

export interface OpenApiDescription {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Json>; responses: Record<string, Json> }
}

const SPEC_ID = 'https://api.github.com/openapi.json'

let cached: OpenApiDescription | undefined

export function loadDescription(): OpenApiDescription {
  if (cached === undefined) {
    const require = createRequire(import.meta.url)
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
    cached = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDescription
  }
  return cached
}

/** Rewrites OpenAPI 3.0's `nullable` into JSON Schema. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema)
  if (typeof node !== 'object' || node === null) return node
  const out: Json = {}
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'example' || key === 'examples' || key === 'discriminator') continue
    out[key] = key === 'properties' || key === 'patternProperties' ? mapValues(value as Json) : toJsonSchema(value)
  }
  if (out.nullable === true) {
    delete out.nullable
    if (typeof out.type === 'string' && out.$ref === undefined) {
      out.type = [out.type, 'null']
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
      return out
    }
    return { anyOf: [out, { type: 'null' }] }
  }
  delete out.nullable
  return out
}

function mapValues(properties: Json): Json {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toJsonSchema(v)]))
}

// ajv and ajv-formats are CommonJS; under ESM their default export may arrive wrapped.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule

export class ResponseValidator {
  private readonly ajv: InstanceType<typeof Ajv>
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(readonly description: OpenApiDescription = loadDescription()) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false })
    addFormats(this.ajv)
    for (const name of ['int32', 'int64', 'float', 'double', 'binary', 'byte', 'password']) this.ajv.addFormat(name, true)
    this.ajv.addSchema({ $id: SPEC_ID, components: { schemas: toJsonSchema(description.components.schemas) } })
  }

  operation(method: string, template: string): Operation | undefined {
    return this.description.paths[template]?.[method.toLowerCase()]
  }

  /** The JSON schema GitHub documents for this status of this operation, or undefined. */
  responseSchema(method: string, template: string, status: number): unknown {
    let response = this.operation(method, template)?.responses?.[String(status)]
    const ref = response?.$ref
    if (typeof ref === 'string') response = this.description.components.responses[ref.split('/').pop() ?? '']
    const content = response?.content as Record<string, { schema?: unknown }> | undefined
    return content?.['application/json']?.schema
  }

  /** Validates `body` against a schema from the description (refs resolve into it). */
  validate(schema: unknown, body: unknown): string[] {
    const key = JSON.stringify(schema)
    let validate = this.compiled.get(key)
    if (validate === undefined) {
      const rebased = JSON.parse(JSON.stringify(toJsonSchema(schema)).replace(/"#\/components\//g, `"${SPEC_ID}#/components/`))
      validate = this.ajv.compile(rebased as object)
      this.compiled.set(key, validate)
    }
    if (validate(body)) return []
    return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
  }

  /** Validates against a named component schema, e.g. `basic-error`. */
  validateComponent(name: string, body: unknown): string[] {
    return this.validate({ $ref: `#/components/schemas/${name}` }, body)
  }
}
