import { Hono } from 'hono'
import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import { createChannelPacer, type PacerOptions } from './channel-pacer.ts'
import { createInstallationStore } from './installation-store.ts'
import { createOAuthRoutes } from './oauth-install.ts'
import { createResponseUrls } from './response-url.ts'
import type { SlackContext } from './slack-context.ts'
import { createSlackEventRoutes } from './slack-event-routes.ts'
import { createSlackSender } from './slack-sender.ts'
import { createSlackWeb } from './slack-web.ts'
import type { createSocketMode } from './socket-mode.ts'
import { createTokenVault } from './token-vault.ts'
import { createUserDirectory } from './user-directory.ts'
import { createSlackVerifier } from './verify-slack-signature.ts'

export interface SlackBotOptions {
  /** Per-channel pacing (default one message a second, three 429 retries); tests shorten it. */
  pacing?: Omit<PacerOptions, 'log'>
  /**
   * Socket Mode's builder. Injected rather than imported: it loads Bolt, a Node-only SDK the Workers entry
   * must never bundle. Without it (on Workers) `SLACK_APP_TOKEN` is ignored with a log line.
   */
  socketMode?: typeof createSocketMode
}

/**
 * The Slack bot, or null when Slack is not configured. HTTP routes need `SLACK_SIGNING_SECRET`; Socket Mode
 * runs when `SLACK_APP_TOKEN` is set. Messages go out with `SLACK_BOT_TOKEN`, or per workspace with the
 * token its OAuth install stored (`SLACK_CLIENT_ID`, `SLACK_CLIENT_SECRET`, `TOKEN_ENCRYPTION_KEY`).
 */
export function buildSlackBot(options: SlackBotOptions = {}): ChatBotFactory {
  return (deps) => {
    const { slack, tokenEncryptionKey, publicUrl } = deps.config
    if (!slack.signingSecret && !slack.appToken) return null
    const oauth = slack.clientId && slack.clientSecret && tokenEncryptionKey
    if (!slack.botToken && !oauth) {
      deps.log('slack.no_token', {
        note: 'set SLACK_BOT_TOKEN, or SLACK_CLIENT_ID/SECRET and TOKEN_ENCRYPTION_KEY',
      })
      return null
    }
    const installations = oauth
      ? createInstallationStore(deps.db, createTokenVault(tokenEncryptionKey))
      : null
    const web = createSlackWeb({
      apiUrl: slack.apiUrl,
      botToken: slack.botToken,
      installations,
      log: deps.log,
    })
    const pacer = createChannelPacer({ ...options.pacing, log: deps.log })
    const sender = createSlackSender(web, pacer, deps.log, deps.charts)
    const ctx: SlackContext = {
      deps,
      web,
      sender,
      users: createUserDirectory(web, deps.log),
      responseUrls: createResponseUrls({ now: deps.now, log: deps.log, apiUrl: slack.apiUrl }),
    }
    const routes = new Hono()
    if (slack.signingSecret)
      routes.route('/', createSlackEventRoutes(ctx, createSlackVerifier(slack.signingSecret, deps.now)))
    if (installations && slack.clientId && slack.clientSecret) {
      routes.route(
        '/',
        createOAuthRoutes({
          clientId: slack.clientId,
          clientSecret: slack.clientSecret,
          publicUrl,
          apiUrl: slack.apiUrl,
          web,
          installations,
          now: deps.now,
          log: deps.log,
        }),
      )
    }
    if (slack.appToken && !options.socketMode)
      deps.log('slack.socket_mode_unavailable', { note: 'Socket Mode runs on the Node server only' })
    const socket =
      slack.appToken && options.socketMode
        ? options.socketMode(ctx, { appToken: slack.appToken, apiUrl: slack.apiUrl })
        : null
    return {
      name: 'slack',
      routes,
      sender,
      ...(socket && { start: () => socket.start(), stop: () => socket.stop() }),
    }
  }
}
