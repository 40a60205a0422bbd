// GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews: oldest first, as GitHub lists them.
import { notFound } from '../http/api-error'
import type { Route } from '../http/route'
import { numberParam, ok } from '../http/route'
import { review } from '../present/review'
import { PULLS_READ } from './permissions'

export const reviewRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    operation: 'pulls/list-reviews',
    docs: 'https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request',
    permissions: PULLS_READ,
    handle: (ctx) => {
      const n = numberParam(ctx, 'pull_number')
      if (n === undefined || !ctx.repo.pulls.has(n)) throw notFound()
      const reviews = ctx.repo.reviews
        .filter((r) => r.pullNumber === n)
        .sort((a, b) => (a.submittedAt === b.submittedAt ? a.id - b.id : a.submittedAt < b.submittedAt ? -1 : 1))
      const page = ctx.page(reviews)
      return ok(page.items.map((r) => review(ctx, ctx.repo, r)), page.headers)
    }
  }
]
