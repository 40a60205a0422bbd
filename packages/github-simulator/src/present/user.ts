// `simple-user`: the account object embedded in nearly every answer.
import type { Schemas, View } from './view'

export function simpleUser(view: View, login: string): Schemas['simple-user'] {
  const user = view.state.user(login)
  const api = view.urls.userApi(user.login)
  return {
    login: user.login,
    id: user.id,
    node_id: user.nodeId,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: view.urls.userWeb(user.login),
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false
  }
}

export function nullableUser(view: View, login: string | null): Schemas['simple-user'] | null {
  return login === null ? null : simpleUser(view, login)
}
