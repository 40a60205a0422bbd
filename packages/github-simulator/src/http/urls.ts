// The URLs inside answers. API URLs point at the simulator (so following `url` or a Link
// header stays on it); web URLs at the server URL a workflow sees as GITHUB_SERVER_URL.
export class Urls {
  constructor(
    readonly api: string,
    readonly web: string
  ) {}

  repoApi(fullName: string): string {
    return `${this.api}/repos/${fullName}`
  }

  repoWeb(fullName: string): string {
    return `${this.web}/${fullName}`
  }

  userApi(login: string): string {
    return `${this.api}/users/${encodeURIComponent(login)}`
  }

  userWeb(login: string): string {
    // Bots live under /apps/<slug> on the web.
    return login.endsWith('[bot]') ? `${this.web}/apps/${login.slice(0, -'[bot]'.length)}` : `${this.web}/${login}`
  }
}
