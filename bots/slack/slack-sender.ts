import type { Log } from '../../src/chat/chat-bot.ts'
import type { ChatSender, ChatTarget, Reply, SendOptions } from '../../src/chat/chat-message.ts'
import type { ChannelPacer } from './channel-pacer.ts'
import { findTagged, type OutboxMetadata, outboxMetadata } from './outbox-metadata.ts'
import { renderReply } from './render-blocks.ts'
import type { SlackWeb } from './slack-web.ts'

/** Messages out through the Web API, paced per channel. */
export interface SlackSender extends ChatSender {
  /** `chat.postMessage`; in the thread when `threadTs` is given. Returns the new message's `ts`. */
  post(teamId: string, channel: string, reply: Reply, threadTs?: string): Promise<string | undefined>
  /** `chat.update` of a message the bot posted. */
  update(teamId: string, channel: string, ts: string, reply: Reply): Promise<void>
  /** `chat.postEphemeral`: only `user` sees it. */
  ephemeral(teamId: string, channel: string, user: string, reply: Reply): Promise<void>
}

/**
 * Errors for which a push to a channel is retried in the user's DM with the app: the bot was never added to
 * the channel (a reminder set with `/crm` there), or the channel is gone.
 */
const UNREACHABLE_CHANNEL = new Set(['not_in_channel', 'channel_not_found', 'is_archived'])

export function createSlackSender(web: SlackWeb, pacer: ChannelPacer, log: Log): SlackSender {
  const lane = (teamId: string, channel: string) => `${teamId}:${channel}`

  async function postTagged(
    teamId: string,
    channel: string,
    reply: Reply,
    threadTs: string | undefined,
    metadata: OutboxMetadata | undefined,
  ) {
    const client = await web.forTeam(teamId)
    const result = await pacer.run(lane(teamId, channel), () =>
      client.chat.postMessage({
        channel,
        ...renderReply(reply),
        ...(threadTs && { thread_ts: threadTs }),
        ...(metadata && { metadata }),
        // Our texts carry customer names and notes, not links worth a preview card.
        unfurl_links: false,
      }),
    )
    return result.ts
  }

  const sender: SlackSender = {
    platform: 'slack',
    post: (teamId, channel, reply, threadTs) => postTagged(teamId, channel, reply, threadTs, undefined),
    async update(teamId, channel, ts, reply) {
      const client = await web.forTeam(teamId)
      await pacer.run(lane(teamId, channel), () => client.chat.update({ channel, ts, ...renderReply(reply) }))
    },
    async ephemeral(teamId, channel, user, reply) {
      const client = await web.forTeam(teamId)
      await pacer.run(lane(teamId, channel), () =>
        client.chat.postEphemeral({ channel, user, ...renderReply(reply) }),
      )
    },
    /** The scheduler's push (due reminders, digests). Throws on failure; the scheduler retries. */
    async send(target: ChatTarget, reply: Reply, options: SendOptions = {}) {
      const metadata = options.dedupeKey ? outboxMetadata(options.dedupeKey) : undefined
      try {
        return await postTagged(target.workspaceId, target.chatId, reply, target.threadId, metadata)
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error
        if (!code || !UNREACHABLE_CHANNEL.has(code) || !target.userPlatformId) throw error
        log('slack.push_to_dm', { channel: target.chatId, reason: code })
        // A user id as `channel` posts into the app's DM with that user.
        return await postTagged(target.workspaceId, target.userPlatformId, reply, undefined, metadata)
      }
    },
    findSent: (target, dedupeKey, since) => findTagged(web, target, dedupeKey, since),
  }
  return sender
}
