import type { Reply } from '../../src/chat/chat-message.ts'
import { renderReply } from './render-blocks.ts'
import { OK, type SlackAck, type SlackContext } from './slack-context.ts'
import type { SlashCommand } from './slack-payloads.ts'
import { commandToChatMessage } from './to-chat-message.ts'

/**
 * `/crm <text>`: the text goes through the pipeline like a message to the bot (`/crm role <@U1|li> manager`
 * included: Slack escapes the mention when the command has `should_escape`, and the core reads it).
 * Acknowledged empty once stored; the answer follows through the command's `response_url`.
 */
export async function handleCommand(ctx: SlackContext, command: SlashCommand): Promise<SlackAck> {
  const message = commandToChatMessage(command, ctx.deps.now())
  ctx.responseUrls.issued(command.response_url, message.receivedAt)
  const accepted = await ctx.deps.pipeline.accept(message)
  if (accepted.status === 'duplicate') return OK
  ctx.deps.waitUntil(
    (async () => {
      const hints = await ctx.users.hints(command.team_id, command.user_id)
      const reply = await ctx.deps.pipeline.process(accepted.inboxId, hints)
      if (reply) await answerCommand(ctx, command, reply)
    })(),
  )
  return OK
}

/**
 * Ephemeral, so a note logged from a channel shows only to its author: the command's channel may be a DM
 * with a colleague or a busy channel. Past the response_url's limits it falls back to `chat.postEphemeral`,
 * and where the bot is not a member, to the user's DM with the app.
 */
async function answerCommand(ctx: SlackContext, command: SlashCommand, reply: Reply): Promise<void> {
  const sent = await ctx.responseUrls.post(command.response_url, {
    response_type: 'ephemeral',
    ...renderReply(reply),
  })
  if (sent) return
  try {
    await ctx.sender.ephemeral(command.team_id, command.channel_id, command.user_id, reply)
  } catch (error) {
    ctx.deps.log('slack.command_fallback_dm', { error: String(error) })
    await ctx.sender.post(command.team_id, command.user_id, reply)
  }
}
