// Which inputs an action's code reads, found statically with the TypeScript compiler: from
// actions/<name>/main.ts, every function it reaches (across packages, through re-exports) is
// followed, and a call to @actions/core's getInput / getBooleanInput / getMultilineInput, or
// to any of our functions that passes one of its own parameters on as the input name (as
// packages/runtime's stringInput, booleanInput, choiceInput and main.ts's own wrappers do),
// counts as a read of the name given at the call. A name that is not a literal or a constant
// the type checker can resolve is reported instead of guessed: the check fails closed.
import ts from 'typescript'
import type { Problem } from './problem'

export interface InputReads {
  /** Input name -> where it is read (file:line), first occurrence. */
  reads: Map<string, string>
  problems: Problem[]
}

const CORE_READERS = new Set(['getInput', 'getBooleanInput', 'getMultilineInput'])

type FunctionLike = ts.FunctionLikeDeclaration

interface FunctionSummary {
  /** Input names read whenever the function runs. */
  names: Map<string, string>
  /** Parameter indexes whose argument is used as an input name. */
  nameParameters: Set<number>
}

function isOurs(file: ts.SourceFile): boolean {
  return !file.isDeclarationFile && !file.fileName.includes('/node_modules/')
}

/** An identifier that uses a value: not a callee (handled as a call), an import or a declaration's own name. */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent
  if (ts.isCallExpression(parent) && parent.expression === node) return false
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent)) return false
  const named = parent as ts.Node & { name?: ts.Node }
  return named.name !== node
}

function where(node: ts.Node): string {
  const file = node.getSourceFile()
  const { line } = file.getLineAndCharacterOfPosition(node.getStart())
  return `${file.fileName}:${line + 1}`
}

/** One program for all the entry points: building it is most of the cost. */
export function analyseInputReads(mainFiles: readonly string[], compilerOptions: ts.CompilerOptions): Map<string, InputReads> {
  // Only values and literal types are needed: no default libraries or ambient @types.
  const program = ts.createProgram(mainFiles, { ...compilerOptions, noEmit: true, noLib: true, types: [] })
  const checker = program.getTypeChecker()
  const summaries = new Map<FunctionLike, FunctionSummary>()
  // Problems found while summarising: a shared function's problem is reported once, with the first entry point that reaches it.
  let problems: Problem[] = []

  const declarationOf = (expression: ts.Expression): ts.Declaration | undefined => {
    let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(expression) ? expression.name : expression)
    if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol)
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0]
  }

  const functionOf = (declaration: ts.Declaration | undefined): FunctionLike | undefined => {
    if (declaration === undefined) return undefined
    if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) return declaration.body ? declaration : undefined
    if (ts.isVariableDeclaration(declaration) && declaration.initializer && (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))) {
      return declaration.initializer
    }
    return undefined
  }

  const isCoreReader = (declaration: ts.Declaration | undefined): boolean => {
    if (declaration === undefined || !ts.isFunctionDeclaration(declaration) || declaration.name === undefined) return false
    return CORE_READERS.has(declaration.name.text) && /\/@actions\/core\//.test(declaration.getSourceFile().fileName)
  }

  // A name argument: a string literal, a constant of a literal type, or a parameter of `owner`.
  const resolveName = (argument: ts.Expression | undefined, owner: FunctionLike | undefined): { name: string } | { parameter: number } | undefined => {
    if (argument === undefined) return undefined
    if (ts.isStringLiteralLike(argument)) return { name: argument.text }
    if (ts.isIdentifier(argument) && owner !== undefined) {
      const declaration = declarationOf(argument)
      const index = owner.parameters.findIndex((parameter) => parameter === declaration)
      if (index >= 0) return { parameter: index }
    }
    const type = checker.getTypeAtLocation(argument)
    if (type.isStringLiteral()) return { name: type.value }
    return undefined
  }

  const summarise = (fn: FunctionLike): FunctionSummary => {
    const known = summaries.get(fn)
    if (known !== undefined) return known // also breaks recursion: a cycle adds nothing new
    const summary: FunctionSummary = { names: new Map(), nameParameters: new Set() }
    summaries.set(fn, summary)
    visit(fn.body as ts.Node, fn, summary)
    return summary
  }

  const merge = (into: FunctionSummary, from: FunctionSummary): void => {
    for (const [name, at] of from.names) if (!into.names.has(name)) into.names.set(name, at)
  }

  const visit = (root: ts.Node, owner: FunctionLike | undefined, summary: FunctionSummary): void => {
    const walk = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && node !== root) {
        const fn = node as FunctionLike
        // Named functions and `const f = () => …` run when called: summarised at their calls.
        if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isVariableDeclaration(node.parent) || fn.body === undefined) return
        // An inline callback (`runAction('x', async () => …)`, `.map((x) => …)`) runs with this code.
        const inline = summarise(fn)
        merge(summary, inline)
        if (inline.nameParameters.size > 0) problems.push({ file: where(node), message: 'an input name comes from a callback parameter; read each input with its name written out' })
        return
      }
      if (ts.isStringLiteralLike(node) && /^INPUT_/.test(node.text)) {
        problems.push({ file: where(node), message: `reads the environment variable ${node.text} directly; read inputs through packages/runtime (stringInput and friends) so this check can see them` })
      }
      if (ts.isCallExpression(node)) {
        const declaration = declarationOf(node.expression)
        const core = isCoreReader(declaration)
        const callee = core ? undefined : functionOf(declaration)
        const ours = callee !== undefined && isOurs(callee.getSourceFile())
        if (ours) merge(summary, summarise(callee))
        const parameters = core ? new Set([0]) : ours ? summarise(callee).nameParameters : new Set<number>()
        for (const index of parameters) {
          const resolved = resolveName(node.arguments[index], owner)
          if (resolved === undefined) problems.push({ file: where(node), message: `an input is read with a name that is not a literal or a constant: ${node.arguments[index]?.getText() ?? '(none)'}` })
          else if ('name' in resolved) {
            if (!summary.names.has(resolved.name)) summary.names.set(resolved.name, where(node))
          } else summary.nameParameters.add(resolved.parameter)
        }
      } else if (ts.isIdentifier(node) && isReference(node)) {
        // A function passed by reference (a callback) runs too: count what it reads.
        const fn = functionOf(declarationOf(node))
        if (fn !== undefined && fn !== owner && isOurs(fn.getSourceFile())) merge(summary, summarise(fn))
      }
      ts.forEachChild(node, walk)
    }
    walk(root)
  }

  const results = new Map<string, InputReads>()
  for (const mainFile of mainFiles) {
    problems = []
    const source = program.getSourceFile(mainFile)
    if (source === undefined) {
      results.set(mainFile, { reads: new Map(), problems: [{ file: mainFile, message: 'the file could not be read' }] })
      continue
    }
    const top: FunctionSummary = { names: new Map(), nameParameters: new Set() }
    visit(source, undefined, top)
    results.set(mainFile, { reads: top.names, problems })
  }
  return results
}

/** The repository's compiler options, as tsc reads them. */
export function repositoryCompilerOptions(tsconfig: string): ts.CompilerOptions {
  const read = ts.readConfigFile(tsconfig, (path) => ts.sys.readFile(path))
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'))
  return ts.parseJsonConfigFileContent(read.config, ts.sys, tsconfig.replace(/[/\\][^/\\]+$/, '')).options
}
