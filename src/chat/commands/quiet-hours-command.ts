import { ConfigError, parseQuietHours, type QuietHours } from '../../config.ts'
import type { Actor, CrmContext } from '../../crm/crm-context.ts'
import { CrmError } from '../../crm/crm-error.ts'
import { updateWorkspaceRules, workspaceRules } from '../../crm/workspace-settings.ts'
import type { Reply } from '../chat-message.ts'
import { type Lang, t } from '../intents/intent-context.ts'

/** `免打扰`, `免打扰 22:00-07:00`, `免打扰 关闭`, `quiet hours 21:00-08:00`, `quiet hours off`. */
export const QUIET_HOURS_COMMAND = /^(?:免打扰(?:时间|时段)?|quiet\s+hours)\s*[:：]?\s*(.*)$/i

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

/** Shows the workspace's quiet hours, or (admins) sets them. */
export async function quietHoursCommand(
  crm: CrmContext,
  actor: Actor,
  text: string,
  defaultQuietHours: QuietHours | null,
  lang: Lang,
): Promise<Reply> {
  const args = (QUIET_HOURS_COMMAND.exec(text)?.[1] ?? '')
    .trim()
    .replace(/关闭|关掉|停用/, 'off')
    .replace(/[到至~～—]/, '-')
  let quiet: QuietHours | null
  if (!args) quiet = (await workspaceRules(crm, actor.workspaceId, defaultQuietHours)).quietHours
  else {
    let wanted: QuietHours | null
    try {
      wanted = parseQuietHours(args)
    } catch (error) {
      if (error instanceof ConfigError)
        throw new CrmError('invalid', `quiet hours "${args}" should look like 21:00-08:00, or off`)
      throw error
    }
    quiet = (await updateWorkspaceRules(crm, actor, { quietHours: wanted }, defaultQuietHours)).quietHours
  }
  return {
    text: quiet
      ? t(
          lang,
          `🌙 免打扰 ${clock(quiet.startMinute)}–${clock(quiet.endMinute)}(各人所在时区):期间推送顺延,你特意设在这段时间的提醒照常。`,
          `🌙 Quiet hours ${clock(quiet.startMinute)}–${clock(quiet.endMinute)} (each user's zone): pushes wait, except reminders set for a time inside them.`,
        )
      : t(lang, '🌙 免打扰已关闭:推送随时发出。', '🌙 Quiet hours are off: pushes go out at any time.'),
    intent: 'action',
    data: { quietHours: quiet },
  }
}
