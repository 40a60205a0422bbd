// POST /graphql: validated against GitHub's published schema and answered by the resolvers in
// ../graphql. GitHub answers 200 even when the query fails, with the failure in `errors`;
// every call is recorded for tests to inspect.
import type { Route } from '../http/route'
import { bodyObject, ok } from '../http/route'
import { execute } from '../graphql/execute'
import { githubResolvers } from '../graphql/resolvers'
import { GRAPHQL_TYPE_PERMISSIONS } from '../graphql/type-permissions'
import { tokenAllows } from '../state/tokens'

export const graphqlRoutes: Route[] = [
  {
    method: 'POST',
    path: '/graphql',
    operation: 'graphql',
    docs: 'https://docs.github.com/graphql',
    permissions: [],
    resource: 'graphql',
    handle: (ctx) => {
      const body = bodyObject(ctx)
      const query = body.query
      const variables = typeof body.variables === 'object' && body.variables !== null ? (body.variables as Record<string, unknown>) : {}
      const operationName = typeof body.operationName === 'string' ? body.operationName : null
      const result =
        typeof query === 'string'
          ? execute(githubResolvers, { query, variables, operationName }, {
              state: ctx.state,
              urls: ctx.urls,
              token: ctx.token,
              canSee: (repo) => ctx.token.repositories === null || ctx.token.repositories.some((r) => r.toLowerCase() === repo.fullName.toLowerCase())
            }, (typeName) => {
              const needed = GRAPHQL_TYPE_PERMISSIONS[typeName]
              return needed === undefined || tokenAllows(ctx.token, needed) ? null : 'Resource not accessible by integration'
            })
          : { errors: [{ message: 'A query attribute must be specified and must be a string.' }], fields: [] }
      ctx.graphqlCalls.push({
        query: typeof query === 'string' ? query : '',
        variables,
        operationName,
        fields: result.fields,
        errors: result.errors ?? [],
        token: ctx.token.token,
        when: Date.now()
      })
      const { fields: _fields, ...response } = result
      return ok(response)
    }
  }
]
