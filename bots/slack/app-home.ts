import type { types as slack } from '@slack/bolt'
import type { HomeViewData } from '../../src/chat/chat-bot.ts'
import { type Lang, t } from '../../src/chat/intents/intent-context.ts'
import { reminderDueActions } from '../../src/chat/intents/reminders.ts'
import { moneyLabel, stageLabel } from '../../src/chat/labels.ts'
import { type Block, buttons, compact, context, divider, esc, header, section } from './block-kit.ts'
import { reminderLine } from './render-reminder-blocks.ts'
import type { SlackContext } from './slack-context.ts'
import { PLATFORM } from './to-chat-message.ts'

/** A Home tab takes up to 100 blocks; 30 reminders at two blocks each leave room for the deals. */
const MAX_HOME_BLOCKS = 100
const MAX_REMINDERS = 30
const MAX_DEALS = 25

/** The App Home tab: the user's open reminders (each with Done / Snooze 1h / Tomorrow) and open deals. */
export function renderHome(data: HomeViewData, lang: Lang): slack.HomeView {
  const reminders = data.reminders.slice(0, MAX_REMINDERS)
  const deals = data.deals.slice(0, MAX_DEALS)
  const blocks: (Block | null)[] = [
    header(data.userName ? `CRM · ${data.userName}` : 'CRM'),
    section(`*${t(lang, '待办提醒', 'Open reminders')}* (${data.reminders.length})`),
    ...reminders.flatMap((r, i) => [
      section(reminderLine(r)),
      buttons(reminderDueActions(r.id, lang), i * 3),
    ]),
    reminders.length ? null : context([t(lang, '没有待办提醒。', 'No open reminders.')]),
    divider(),
    section(`*${t(lang, '我的商机', 'My open deals')}* (${data.deals.length})`),
    deals.length
      ? section(
          deals
            .map(
              (d) =>
                `💼 *${esc(d.title)}* · ${esc(d.customerName)} · ${stageLabel(d.stage, lang)} · ${moneyLabel(d.amount, d.currency, lang)}`,
            )
            .join('\n'),
        )
      : context([t(lang, '没有进行中的商机。', 'No open deals.')]),
    context([
      t(lang, '在私信或频道里 @我 记录跟进,或用 /crm。', 'Log a note by DMing me, @-mentioning me, or /crm.'),
    ]),
  ]
  return { type: 'home', blocks: compact(blocks, MAX_HOME_BLOCKS) }
}

/** Looks up the user's home data and publishes it (`views.publish`); run after the ack. */
export async function publishHome(ctx: SlackContext, teamId: string, userId: string): Promise<void> {
  const [data, hints] = await Promise.all([
    ctx.deps.pipeline.homeView(PLATFORM, teamId, userId),
    ctx.users.hints(teamId, userId),
  ])
  // The home has no message to read the language from; the user's Slack locale decides, Chinese by default.
  const lang: Lang = hints.locale && !hints.locale.startsWith('zh') ? 'en' : 'zh'
  const client = await ctx.web.forTeam(teamId)
  await client.views.publish({ user_id: userId, view: renderHome(data, lang) })
}
