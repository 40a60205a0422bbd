// What an action tells the runner: workflow commands on stdout (`::error file=…,line=…::msg`,
// `::add-mask::`, `::stop-commands::`) and the file commands (GITHUB_OUTPUT, GITHUB_ENV,
// GITHUB_STATE) in `name=value` or `name<<DELIMITER` heredoc form. Parsed as the runner does.

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  file?: string
  line?: number
  endLine?: number
  col?: number
  endColumn?: number
  title?: string
}

export interface WorkflowCommands {
  annotations: Annotation[]
  /** Values registered with `::add-mask::`. */
  masks: string[]
  debug: string[]
}

// @actions/core escapes %, CR and LF in data, and also ':' and ',' in properties.
function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}

function unescapeProperty(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%25/g, '%')
}

const NUMERIC = new Set(['line', 'endLine', 'col', 'endColumn'])

export function parseWorkflowCommands(stdout: string): WorkflowCommands {
  const result: WorkflowCommands = { annotations: [], masks: [], debug: [] }
  let stopToken: string | undefined
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart()
    if (!line.startsWith('::')) continue
    const end = line.indexOf('::', 2)
    if (end === -1) continue
    const head = line.slice(2, end)
    const data = line.slice(end + 2)
    const space = head.indexOf(' ')
    const command = space === -1 ? head : head.slice(0, space)
    if (stopToken !== undefined) {
      // Commands are ignored until the token itself is echoed as a command.
      if (command === stopToken && space === -1) stopToken = undefined
      continue
    }
    const properties: Record<string, string> = {}
    if (space !== -1) {
      for (const pair of head.slice(space + 1).split(',')) {
        const eq = pair.indexOf('=')
        if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1))
      }
    }
    if (command === 'error' || command === 'warning' || command === 'notice') {
      const annotation: Annotation = { level: command, message: unescapeData(data) }
      for (const [key, value] of Object.entries(properties)) {
        if (NUMERIC.has(key)) (annotation as unknown as Record<string, number>)[key] = Number(value)
        else if (key === 'file' || key === 'title') annotation[key] = value
      }
      result.annotations.push(annotation)
    } else if (command === 'add-mask') {
      result.masks.push(unescapeData(data))
    } else if (command === 'debug') {
      result.debug.push(unescapeData(data))
    } else if (command === 'stop-commands') {
      stopToken = data
    }
  }
  return result
}

/** Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file; a heredoc without its closing delimiter is an error, as for the runner. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (line === '') continue
    const heredoc = line.indexOf('<<')
    const eq = line.indexOf('=')
    if (heredoc > 0 && (eq === -1 || heredoc < eq)) {
      const name = line.slice(0, heredoc)
      const delimiter = line.slice(heredoc + 2)
      const body: string[] = []
      let j = i + 1
      while (j < lines.length && lines[j] !== delimiter) {
        body.push(lines[j] as string)
        j++
      }
      if (j >= lines.length) throw new Error(`Matching delimiter not found '${delimiter}'`)
      values[name] = body.join('\n')
      i = j
    } else if (eq > 0) {
      values[line.slice(0, eq)] = line.slice(eq + 1)
    } else {
      throw new Error(`Invalid format '${line}'`)
    }
  }
  return values
}
