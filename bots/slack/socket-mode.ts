import type { App, ReceiverEvent } from '@slack/bolt'
import type { z } from 'zod'
import { handleCommand } from './slack-commands.ts'
import type { SlackAck, SlackContext } from './slack-context.ts'
import { handleEvent } from './slack-events.ts'
import { handleInteraction } from './slack-interactions.ts'
import { EventEnvelope, Interaction, SlashCommand } from './slack-payloads.ts'
import { bridgeLogger, slackApiUrl } from './slack-web.ts'

export interface SocketModeOptions {
  /** `SLACK_APP_TOKEN` (`xapp-…`, scope `connections:write`). */
  appToken: string
  apiUrl: string | undefined
}

/** A Socket Mode connection: for teams with no public URL, the same handlers as the HTTP routes. */
export interface SlackSocketMode {
  start(): Promise<void>
  stop(): Promise<void>
  /** What Bolt's receiver calls for each envelope; exposed so it can be driven without a socket. */
  processEvent(event: ReceiverEvent): Promise<void>
}

type Handle = (ctx: SlackContext, body: unknown, event: ReceiverEvent) => Promise<SlackAck> | null

/** Socket Mode envelope types to the handler each feeds; the payloads are the HTTP ones, already parsed. */
const BY_TYPE: Record<string, Handle> = {
  events_api: (ctx, body, event) =>
    parsed(EventEnvelope, body, (e) =>
      handleEvent(ctx, e, { num: event.retryNum, reason: event.retryReason }),
    ),
  slash_commands: (ctx, body) => parsed(SlashCommand, body, (c) => handleCommand(ctx, c)),
  interactive: (ctx, body) => parsed(Interaction, body, (i) => handleInteraction(ctx, i)),
}

/**
 * Socket Mode through Bolt's `SocketModeReceiver` (reconnects, pings, acks), without Bolt's App: a receiver
 * only calls `app.processEvent`, so that is all we hand it, and each envelope goes to the same handler as
 * its HTTP twin. An envelope is acknowledged only after the handler stored it; an error leaves it
 * unacknowledged and Slack delivers it again.
 */
export function createSocketMode(ctx: SlackContext, options: SocketModeOptions): SlackSocketMode {
  let receiver: { start(): Promise<unknown>; stop(): Promise<unknown> } | null = null

  async function processEvent(event: ReceiverEvent): Promise<void> {
    const type = String(event.customProperties?.type ?? '')
    try {
      const ack = await BY_TYPE[type]?.(ctx, event.body, event)
      await event.ack(ack?.body)
    } catch (error) {
      ctx.deps.log('slack.socket_mode_error', { type, error: String(error) })
    }
  }

  return {
    processEvent,
    async start() {
      // Loaded here, not at the top: Bolt pulls in Express and friends, which HTTP-only setups never need.
      const { SocketModeReceiver } = await import('@slack/bolt')
      const socket = new SocketModeReceiver({
        appToken: options.appToken,
        logger: bridgeLogger(ctx.deps.log, 'slack.socket_mode'),
        installerOptions: { clientOptions: { slackApiUrl: slackApiUrl(options.apiUrl) } },
        // The receiver hands listeners only the payload; the envelope type tells which handler it is for.
        customPropertiesExtractor: (args: { type?: string }) => ({ type: args.type }),
      })
      socket.init({ processEvent } as unknown as App)
      await socket.start()
      receiver = socket
      ctx.deps.log('slack.socket_mode_connected')
    },
    async stop() {
      await receiver?.stop()
      receiver = null
    },
  }
}

function parsed<T>(schema: z.ZodType<T>, body: unknown, run: (value: T) => Promise<SlackAck>) {
  const result = schema.safeParse(body)
  return result.success ? run(result.data) : null
}
