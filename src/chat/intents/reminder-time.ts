import { formatLocalTime } from '../../crm/local-time.ts'
import { zoneOffsetOf } from '../../understand/time-reader/zone-parser.ts'
import type { Reply } from '../chat-message.ts'
import { askToConfirm } from '../confirm/ask-confirmation.ts'
import { type IntentContext, type Lang, t } from './intent-context.ts'

/**
 * A reminder time the reader was unsure of (`tomorrow 3`, a time already gone) is asked about through
 * the pending confirmation (src/chat/confirm/): its likely readings are the options, and nothing is set
 * until the user it was meant for picks one.
 */
export function askReminderTime(context: IntentContext): Promise<Reply> | null {
  const { parsed, actor, lang } = context
  const candidates = parsed.due_candidates ?? []
  if (!candidates.length) return null
  const options = candidates.map((iso) => ({
    label: formatLocalTime(new Date(iso), actor.timeZone, actor.locale),
    write: { parsed: { ...parsed, due_at: iso, due_unsure: false, due_candidates: [] } },
  }))
  const only = options[0]
  const question =
    options.length === 1 && only
      ? t(
          lang,
          `这个时间没看准:是 ${only.label} 提醒你吗?`,
          `I'm not sure of that time: remind you ${only.label}?`,
        )
      : t(lang, '这个时间没看准,是哪一个?', "I'm not sure of that time. Which one did you mean?")
  return askToConfirm(context, { question, options, kind: options.length > 1 ? 'choice' : 'confirm' })
}

const pad = (n: number) => String(n).padStart(2, '0')
const WEEKDAYS: Record<Lang, string[]> = {
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
}

/**
 * The same instant in the zone the user wrote (`PST 周五 10:00`), shown beside their own zone's time;
 * empty when no zone was written or it is not one we know.
 */
export function writtenZoneTime(at: Date, written: string | undefined, lang: Lang): string {
  const offset = written ? zoneOffsetOf(written) : undefined
  if (offset === undefined) return ''
  const there = new Date(at.getTime() + offset * 60_000)
  const day = WEEKDAYS[lang][there.getUTCDay()]
  const date =
    lang === 'zh'
      ? `${there.getUTCMonth() + 1}月${there.getUTCDate()}日(${day})`
      : `${day} ${there.getUTCMonth() + 1}/${there.getUTCDate()}`
  return `${date} ${pad(there.getUTCHours())}:${pad(there.getUTCMinutes())} ${written}`
}
