import { LogLevel, WebClient, type Logger as WebClientLogger } from '@slack/web-api'
import type { Log } from '../../src/chat/chat-bot.ts'
import type { InstallationStore } from './installation-store.ts'

/** Slack answered that the team has no installation (or the token store is not configured). */
export class SlackNotInstalledError extends Error {
  override name = 'SlackNotInstalledError'
  readonly code = 'slack_not_installed'
}

export interface SlackWebOptions {
  /** `config.slack.apiUrl`; Slack's own (`https://slack.com/api/`) when unset. */
  apiUrl: string | undefined
  /** One workspace's bot token (`SLACK_BOT_TOKEN`); without it each team's installation is used. */
  botToken: string | undefined
  installations: InstallationStore | null
  log: Log
}

/** WebClients by team: the configured bot token for every team, or each team's installed token. */
export interface SlackWeb {
  forTeam(teamId: string): Promise<WebClient>
  /** A client without a token, for `oauth.v2.access`. */
  anonymous: WebClient
}

/** WebClient wants the base URL to end in `/`: it appends the method name to it. */
export function slackApiUrl(apiUrl: string | undefined): string | undefined {
  if (!apiUrl) return undefined
  return apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`
}

/** Builds the real `@slack/web-api` client with our retry and rate-limit choices. */
export function createWebClient(token: string | undefined, options: Pick<SlackWebOptions, 'apiUrl' | 'log'>) {
  return new WebClient(token, {
    slackApiUrl: slackApiUrl(options.apiUrl),
    // 429s are ours to handle (channel-pacer.ts): the client's own handling pauses every channel of the team.
    rejectRateLimitedCalls: true,
    // A network failure gets two quick retries, not the default thirty minutes of them: a reply that late
    // is worse than a logged failure, and on Workers waitUntil work does not live that long.
    retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 },
    timeout: 10_000,
    logger: bridgeLogger(options.log, 'slack.web_api'),
    fetch: fetchForWebClient,
  })
}

/**
 * The client's fetch, made to run on Workers as well as Node. The client calls it as a method
 * (`this.fetchFn(…)`), which Workers' fetch refuses ("Illegal invocation"), so this calls the global one. It
 * also asks for `redirect: 'error'`, which Workers does not implement; `manual` is the same here: the client
 * treats any status but 200 and 429 as a failed call, so a redirect is still never followed with the token.
 */
function fetchForWebClient(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  return fetch(input, init?.redirect === 'error' ? { ...init, redirect: 'manual' } : init)
}

/** Resolves each team's client, caching it (tokens do not change between installs). */
export function createSlackWeb(options: SlackWebOptions): SlackWeb {
  const shared = options.botToken ? createWebClient(options.botToken, options) : null
  const byTeam = new Map<string, Promise<WebClient>>()
  return {
    anonymous: createWebClient(undefined, options),
    forTeam(teamId) {
      if (shared) return Promise.resolve(shared)
      let client = byTeam.get(teamId)
      if (!client) {
        client = resolveInstalled(teamId, options)
        byTeam.set(teamId, client)
        // A failed lookup is not cached: the team may install a moment later.
        client.catch(() => byTeam.delete(teamId))
      }
      return client
    },
  }
}

async function resolveInstalled(teamId: string, options: SlackWebOptions): Promise<WebClient> {
  const token = await options.installations?.botToken(teamId)
  if (!token) throw new SlackNotInstalledError(`Slack team ${teamId} has not installed the app`)
  return createWebClient(token, options)
}

/** A Slack SDK logger routed into the app's JSON log (warnings and errors only; the SDKs chat at info). */
export function bridgeLogger(log: Log, event: string): WebClientLogger {
  const write =
    (level: string) =>
    (...msg: unknown[]) =>
      log(event, { level, message: msg.map(String).join(' ') })
  return {
    debug: () => {},
    info: () => {},
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  }
}
