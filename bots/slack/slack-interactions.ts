import type { ChatAction, Reply } from '../../src/chat/chat-message.ts'
import { readActionButton } from './action-value.ts'
import { publishHome } from './app-home.ts'
import { editError, editNoteModal, readEditSubmission } from './edit-modal.ts'
import { renderReply } from './render-blocks.ts'
import { OK, type SlackAck, type SlackContext } from './slack-context.ts'
import type { BlockActions, Interaction, ViewSubmission } from './slack-payloads.ts'
import { PLATFORM } from './to-chat-message.ts'

/** Where a button's result goes: the message it was on, else the chat. */
interface ResultTarget {
  teamId: string
  userId: string
  channel: string
  messageTs?: string | undefined
  ephemeral?: boolean | undefined
  responseUrl?: string | undefined
  /** Replace the message the button was on (false for a list: the other items keep their buttons). */
  replace: boolean
}

/** A button press or a modal submission: acknowledged at once, acted on after. */
export async function handleInteraction(ctx: SlackContext, payload: Interaction): Promise<SlackAck> {
  return payload.type === 'block_actions' ? pressButton(ctx, payload) : submitView(ctx, payload)
}

function pressButton(ctx: SlackContext, payload: BlockActions): SlackAck {
  const pressed = payload.actions[0] && readActionButton(payload.actions[0])
  const teamId = payload.team?.id ?? payload.user.team_id
  if (!pressed || !teamId) return OK
  const userId = payload.user.id
  const channel = payload.container.channel_id ?? payload.channel?.id ?? userId
  if (payload.response_url) ctx.responseUrls.issued(payload.response_url, ctx.deps.now())
  if (pressed.action === 'edit_interaction') {
    // The trigger id lives 3 seconds: the modal opens right after the ack.
    const view = editNoteModal({ value: pressed.value, chatId: channel, responseUrl: payload.response_url })
    ctx.deps.waitUntil(
      ctx.web.forTeam(teamId).then((c) => c.views.open({ trigger_id: payload.trigger_id, view })),
    )
    return OK
  }
  const action: ChatAction = {
    platform: PLATFORM,
    workspaceId: teamId,
    chatId: channel,
    userId,
    ...pressed,
    receivedAt: ctx.deps.now(),
  }
  ctx.deps.waitUntil(
    (async () => {
      const reply = await ctx.deps.pipeline.act(action)
      if (payload.container.type === 'view') return publishHome(ctx, teamId, userId)
      const blocks = (payload.message as { blocks?: { type: string }[] } | undefined)?.blocks ?? []
      await showResult(ctx, reply, {
        teamId,
        userId,
        channel,
        messageTs: payload.container.message_ts,
        ephemeral: payload.container.is_ephemeral,
        responseUrl: payload.response_url,
        replace: blocks.filter((b) => b.type === 'actions').length <= 1,
      })
    })(),
  )
  return OK
}

function submitView(ctx: SlackContext, payload: ViewSubmission): SlackAck {
  const edit = readEditSubmission(payload)
  const teamId = payload.team?.id ?? payload.user.team_id
  if (!edit || !teamId) return OK
  if (!edit.text) return { status: 200, body: editError('请写一句要改的内容 · Say what to correct') }
  const userId = payload.user.id
  const action: ChatAction = {
    platform: PLATFORM,
    workspaceId: teamId,
    chatId: edit.chatId,
    userId,
    action: 'edit_interaction',
    value: edit.value,
    text: edit.text,
    receivedAt: ctx.deps.now(),
  }
  ctx.deps.waitUntil(
    ctx.deps.pipeline.act(action).then((reply) =>
      showResult(ctx, reply, {
        teamId,
        userId,
        channel: edit.chatId,
        responseUrl: edit.responseUrl,
        replace: false,
      }),
    ),
  )
  // An empty 200 closes the modal.
  return OK
}

async function showResult(ctx: SlackContext, reply: Reply, to: ResultTarget): Promise<void> {
  const rendered = renderReply(reply)
  if (to.responseUrl) {
    const body = to.replace
      ? { replace_original: true, ...rendered }
      : { response_type: 'ephemeral' as const, replace_original: false, ...rendered }
    if (await ctx.responseUrls.post(to.responseUrl, body)) return
  }
  if (to.replace && to.messageTs && !to.ephemeral)
    return ctx.sender.update(to.teamId, to.channel, to.messageTs, reply)
  await ctx.sender.ephemeral(to.teamId, to.channel, to.userId, reply)
}
