// Every GraphQL document our code sends is checked against GitHub's published schema
// (@octokit/graphql-schema) with graphql-js, so a misspelt field or a wrong argument type fails
// here instead of in a user's run. The documents are found in the sources, not listed by hand:
// any `.graphql(...)` call whose document is not a constant string fails this test too.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse, validate, type GraphQLSchema } from 'graphql'
import ts from 'typescript'
import { githubSchema } from '@change-policy/github-simulator'

const root = join(import.meta.dirname, '..', '..', '..')

interface FoundDocument {
  where: string
  name: string
  text?: string
  problem?: string
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** The `.graphql(document, …)` calls of one file, each document resolved to its constant text. */
function documentsIn(path: string): FoundDocument[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true)
  const constants = new Map<string, ts.Expression>()
  const calls: ts.CallExpression[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) constants.set(node.name.text, node.initializer)
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'graphql') calls.push(node)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return calls.map((call) => {
    const where = `${relative(root, path)}:${source.getLineAndCharacterOfPosition(call.getStart()).line + 1}`
    const argument = call.arguments[0]
    const expression = argument !== undefined && ts.isIdentifier(argument) ? constants.get(argument.text) : argument
    const name = argument !== undefined && ts.isIdentifier(argument) ? argument.text : '(inline)'
    if (expression !== undefined && (ts.isNoSubstitutionTemplateLiteral(expression) || ts.isStringLiteral(expression))) {
      return { where, name, text: expression.text }
    }
    return { where, name, problem: 'the document is not a constant string in this file, so it cannot be checked against the schema' }
  })
}

function schemaErrors(schema: GraphQLSchema, text: string): string[] {
  try {
    return validate(schema, parse(text)).map((e) => e.message)
  } catch (error) {
    return [String(error)]
  }
}

const found = ['packages', 'actions'].flatMap((top) =>
  readdirSync(join(root, top), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => sourceFiles(join(root, top, d.name)))
    .flatMap(documentsIn)
)

test('the scan finds the documents we know we send (it cannot pass by finding none)', () => {
  expect(found.map((d) => d.name)).toEqual(expect.arrayContaining(['SIDEBAR_LINKS', 'ENABLE_AUTO_MERGE']))
})

test.each(found.map((d) => [`${d.name} (${d.where})`, d] as const))('%s validates against GitHub\'s published schema', (_label, document) => {
  expect(document.problem).toBeUndefined()
  expect(schemaErrors(githubSchema(), document.text ?? '')).toEqual([])
})

test('a document with a misspelt field fails the same check', () => {
  const misspelt = 'query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { pullRequest(number: 1) { closingIssuesReference(first: 10) { nodes { number } } } } }'
  expect(schemaErrors(githubSchema(), misspelt)).toEqual(['Cannot query field "closingIssuesReference" on type "PullRequest". Did you mean "closingIssuesReferences"?'])
})

test('a document with an argument of the wrong type fails the same check', () => {
  const wrongType = 'mutation($id: String!) { enablePullRequestAutoMerge(input: { pullRequestId: $id }) { clientMutationId } }'
  expect(schemaErrors(githubSchema(), wrongType)).toEqual([expect.stringContaining('Variable "$id" of type "String!" used in position expecting type "ID!"')])
})
