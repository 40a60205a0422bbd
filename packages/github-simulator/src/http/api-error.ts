// Error answers as GitHub writes them: `{"message", "documentation_url", "status"}` with the
// status as a string, plus `errors` for 422 Validation Failed. The pipeline fills in the
// documentation URL of the route that failed when the thrower does not know it.

export interface ValidationErrorItem {
  resource?: string
  field?: string
  code: string
  message?: string
  value?: string | number | string[] | null
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: { errors?: ValidationErrorItem[]; documentationUrl?: string; headers?: Record<string, string> } = {}
  ) {
    super(message)
    this.name = 'ApiError'
  }

  body(defaultDocs: string): Record<string, unknown> {
    const body: Record<string, unknown> = { message: this.message }
    if (this.extra.errors !== undefined) body.errors = this.extra.errors
    body.documentation_url = this.extra.documentationUrl ?? defaultDocs
    body.status = String(this.status)
    return body
  }
}

/** The documentation URL GitHub gives when no endpoint matched. */
export const REST_DOCS = 'https://docs.github.com/rest'

export const notFound = (message = 'Not Found'): ApiError => new ApiError(404, message)

export const validationFailed = (errors: ValidationErrorItem[], message = 'Validation Failed'): ApiError =>
  new ApiError(422, message, { errors })

/** GitHub's answer when a request body is missing a required key, e.g. `"title" wasn't supplied.` */
export const invalidRequest = (detail: string): ApiError => new ApiError(422, `Invalid request.\n\n${detail}`)

export const forbiddenForIntegration = (): ApiError => new ApiError(403, 'Resource not accessible by integration')

export const badCredentials = (): ApiError => new ApiError(401, 'Bad credentials', { documentationUrl: REST_DOCS })

export const requiresAuthentication = (): ApiError => new ApiError(401, 'Requires authentication', { documentationUrl: REST_DOCS })
