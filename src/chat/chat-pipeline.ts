import type { QuietHours } from '../config.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { CrmError } from '../crm/crm-error.ts'
import { actorFromUser, ensureUser, ensureWorkspace, findUser } from '../crm/users.ts'
import type { CrmDb } from '../db/database.ts'
import type { OutboxDispatcher } from '../outbox/outbox-dispatcher.ts'
import { enqueueStatement } from '../outbox/outbox-store.ts'
import { stripControlCharacters } from '../text/clean-text.ts'
import { handleAction } from './actions/handle-action.ts'
import type { ChatPipeline, Log, ProcessOptions, UserHints, WaitUntil } from './chat-bot.ts'
import type { ChatAction, ChatMessage, Reply } from './chat-message.ts'
import { cleanChatAction, cleanChatMessage } from './clean-chat-message.ts'
import { homeView } from './home-view.ts'
import { createInboundStore, type InboundRow } from './inbound-store.ts'
import { languageOf, t } from './intents/intent-context.ts'
import type { NoteEnrichmentService } from './note-enrichment.ts'
import { respond, type SettledWrite } from './respond.ts'

export interface ChatPipelineDeps {
  db: CrmDb
  now: () => Date
  defaultTimeZone: string
  botNames: string[]
  waitUntil: WaitUntil
  log: Log
  /** Told when a reply was put in the outbox, so it goes out now rather than on the next poll. */
  outbox?: Pick<OutboxDispatcher, 'kick'> | undefined
  /** QUIET_HOURS, the default for workspaces that set none (the chat shows and changes a workspace's own). */
  quietHours?: QuietHours | null | undefined
  /** The LLM step; absent when none is configured, and the offline parser does the job alone. */
  llm?: Pick<NoteEnrichmentService, 'enrichInteraction' | 'understand'> | undefined
  /** Where web sign-in links point (PUBLIC_URL, or localhost and the port); none means the bot cannot make one. */
  signInBaseUrl?: string | undefined
  /** See `InboundStoreOptions.batchAcrossRequests`; the Workers entry turns it off. */
  batchInbound?: boolean
}

/** Builds the one pipeline every platform's messages go through. */
export function createChatPipeline(deps: ChatPipelineDeps): ChatPipeline {
  const inbound = createInboundStore(deps.db, { batchAcrossRequests: deps.batchInbound ?? true })
  const crm: CrmContext = { db: deps.db, now: deps.now }

  async function actorFor(
    platform: string,
    workspaceId: string,
    platformUserId: string,
    text: string,
    hints: UserHints,
  ) {
    const workspace = await ensureWorkspace(crm, platform, workspaceId)
    const user = await ensureUser(
      crm,
      workspace.id,
      platformUserId,
      {
        displayName: hints.userName && stripControlCharacters(hints.userName),
        timeZone: hints.timeZone,
        locale: hints.locale,
      },
      deps.defaultTimeZone,
    )
    const lang = languageOf(text)
    return { actor: { ...actorFromUser(user), locale: lang === 'zh' ? 'zh-CN' : 'en-US' }, lang, workspace }
  }

  /** Marks the message done, and with `deliver` puts its reply in the outbox in the same batch. */
  async function finish(
    message: InboundRow,
    outcome: { status: InboundRow['status']; reply: Reply; error?: string },
    options: ProcessOptions,
  ) {
    if (!options.deliver) return inbound.finish(message.id, outcome)
    const target = {
      platform: message.platform,
      workspaceId: message.platformWorkspaceId,
      chatId: message.chatId,
      userPlatformId: message.platformUserId,
      ...(options.deliver.threadId && { threadId: options.deliver.threadId }),
    }
    const now = deps.now().getTime()
    await deps.db.batch([
      inbound.finishStatement(message.id, outcome),
      enqueueStatement(deps.db, [{ dedupeKey: `reply:${message.id}`, target, reply: outcome.reply }], now),
    ])
    deps.outbox?.kick()
  }

  async function process(inboxId: string, hints: UserHints = {}, options: ProcessOptions = {}) {
    const message = await inbound.get(inboxId)
    if (!message) throw new Error(`no inbound message ${inboxId}`)
    if (message.status !== 'received') return (message.reply as Reply | null) ?? null
    if (message.chatKind === 'group' && !message.mentioned) {
      await inbound.finish(inboxId, { status: 'ignored' })
      return null
    }
    const lang = languageOf(message.text)
    try {
      const { actor } = await actorFor(
        message.platform,
        message.platformWorkspaceId,
        message.platformUserId,
        message.text,
        {
          userName: message.userName ?? undefined,
          ...hints,
        },
      )
      const reply = await respond({ crm, actor, message, lang, deps, reprocess: processWith })
      await finish(message, { status: 'processed', reply }, options)
      return reply
    } catch (error) {
      deps.log('pipeline.error', { inboxId, error: String(error) })
      const reply = errorReply(error, lang)
      await finish(message, { status: 'failed', reply, error: String(error) }, options)
      return reply
    }
  }

  /** Runs a stored message again with what the user settled by answering the bot's question. */
  async function processWith(message: InboundRow, settled: SettledWrite) {
    const { actor } = await actorFor(
      message.platform,
      message.platformWorkspaceId,
      message.platformUserId,
      message.text,
      {},
    )
    return respond({
      crm,
      actor,
      message,
      lang: languageOf(message.text),
      deps,
      reprocess: processWith,
      settled,
    })
  }

  return {
    accept: (message: ChatMessage) => inbound.accept(cleanChatMessage(message)),
    process,
    async handle(message) {
      const accepted = await inbound.accept(cleanChatMessage(message))
      return accepted.status === 'accepted' ? process(accepted.inboxId) : null
    },
    async act(raw: ChatAction): Promise<Reply> {
      const action = cleanChatAction(raw)
      const lang: 'zh' | 'en' = action.text ? languageOf(action.text) : 'zh'
      try {
        const workspace = await ensureWorkspace(crm, action.platform, action.workspaceId)
        const user = await findUser(crm, workspace.id, action.userId)
        if (!user) throw new CrmError('forbidden', `user ${action.userId} has not talked to the bot yet`)
        const actor = actorFromUser(user)
        return await handleAction({ crm, actor, action, deps, reprocess: processWith, inbound })
      } catch (error) {
        deps.log('pipeline.action_error', { action: action.action, error: String(error) })
        return errorReply(error, lang)
      }
    },
    async homeView(platform, workspaceId, platformUserId) {
      const workspace = await ensureWorkspace(crm, platform, workspaceId)
      const user = await findUser(crm, workspace.id, platformUserId)
      return homeView(crm, user ? actorFromUser(user) : null)
    },
  }
}

/** An answer for a failure: the user's own mistake in words they understand, anything else as a fault. */
export function errorReply(error: unknown, lang: 'zh' | 'en'): Reply {
  if (error instanceof CrmError)
    return { text: `⚠️ ${error.message}`, intent: 'error', data: { code: error.code } }
  return {
    text: t(
      lang,
      '⚠️ 出错了,原消息已保存,请稍后再试。',
      '⚠️ Something went wrong; your message is saved. Please try again later.',
    ),
    intent: 'error',
    data: { code: 'internal' },
  }
}
