import type { Reply, ReplyAction } from '../../src/chat/chat-message.ts'
import { encodeButtonKey, newTaskId } from './button-key.ts'
import { truncateChars, type WecomTemplateCard } from './wecom-message.ts'

/** WeCom shows at most six buttons on a card. */
const MAX_BUTTONS = 6
/** WeCom's advice: titles ≤ 26 characters, sub-titles ≤ 112, button texts ≤ 10; longer is cut by the client. */
const TITLE_CHARS = 26
const SUBTITLE_CHARS = 112
const BUTTON_CHARS = 12

const STYLE: Record<NonNullable<ReplyAction['style']> | 'default', 1 | 2 | 3> = {
  primary: 1,
  default: 2,
  danger: 3,
}

/**
 * A `button_interaction` card with the reply's buttons (Done / Snooze, Undo / Edit, which customer…), or
 * null when the reply has none. Each button's key is the action itself (see `button-key.ts`).
 */
export function renderButtonCard(reply: Reply, taskId: string = newTaskId()): WecomTemplateCard | null {
  const actions = (reply.actions ?? []).slice(0, MAX_BUTTONS)
  if (actions.length === 0) return null
  return {
    ...titled(reply.text),
    card_type: 'button_interaction',
    button_list: actions.map((action) => ({
      text: truncateChars(action.label, BUTTON_CHARS),
      style: STYLE[action.style ?? 'default'],
      key: encodeButtonKey(action),
    })),
    task_id: taskId,
  }
}

/** A `text_notice` card saying what a button press did: replaces the pressed card where WeCom allows it. */
export function renderResultCard(reply: Reply, taskId: string): WecomTemplateCard {
  return { ...titled(reply.text), card_type: 'text_notice', task_id: taskId, card_action: { type: 0 } }
}

function titled(text: string): Pick<WecomTemplateCard, 'main_title' | 'sub_title_text'> {
  const [title = '', ...rest] = text.split('\n')
  const sub = rest.join('\n').trim()
  return {
    main_title: { title: truncateChars(title, TITLE_CHARS) },
    ...(sub && { sub_title_text: truncateChars(sub, SUBTITLE_CHARS) }),
  }
}
