// GitHub's published GraphQL schema (@octokit/graphql-schema), built once per process. The
// simulator validates and executes every document against it, so a misspelt field or a wrong
// argument type fails a test exactly as it would fail on GitHub.
import { buildSchema, type GraphQLSchema } from 'graphql'
import { schema as published } from '@octokit/graphql-schema'

let built: GraphQLSchema | undefined

/** The schema, built on first use (about 0.2 s). */
export function githubSchema(): GraphQLSchema {
  // The published IDL defines two fields twice, which full SDL validation refuses; GitHub's own
  // schema is valid by construction, so only that check is skipped.
  built ??= buildSchema(published.idl, { assumeValidSDL: true })
  return built
}
