// GET /repos/{owner}/{repo}.
import type { Route } from '../http/route'
import { ok } from '../http/route'
import { fullRepository } from '../present/repository'
import { METADATA_READ } from './permissions'

export const repoRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}',
    operation: 'repos/get',
    docs: 'https://docs.github.com/rest/repos/repos#get-a-repository',
    permissions: METADATA_READ,
    handle: (ctx) => ok(fullRepository(ctx, ctx.repo))
  }
]
