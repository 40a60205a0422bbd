// Every simulated endpoint, in one table. To add one, write its Route in the file of its
// concern (or a new file) and list it here; the conformance test then demands a call to it
// whose answer validates against GitHub's OpenAPI description.
import type { Route } from '../http/route'
import { checkRoutes } from './checks'
import { collaboratorRoutes } from './collaborators'
import { commentRoutes } from './comments'
import { commitRoutes } from './commits'
import { contentRoutes } from './contents'
import { deploymentRoutes } from './deployments'
import { graphqlRoutes } from './graphql'
import { issueEventRoutes } from './issue-events'
import { issueRoutes } from './issues'
import { labelRoutes } from './labels'
import { pullRoutes } from './pulls'
import { repoRoutes } from './repos'
import { reviewRoutes } from './reviews'
import { statusRoutes } from './statuses'
import { teamRoutes } from './teams'

export const ROUTES: readonly Route[] = [
  ...repoRoutes,
  ...pullRoutes,
  ...reviewRoutes,
  ...commitRoutes,
  ...contentRoutes,
  ...labelRoutes,
  ...issueRoutes,
  ...issueEventRoutes,
  ...commentRoutes,
  ...collaboratorRoutes,
  ...teamRoutes,
  ...checkRoutes,
  ...statusRoutes,
  ...deploymentRoutes,
  ...graphqlRoutes
]
