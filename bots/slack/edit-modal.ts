import type { types as slack } from '@slack/bolt'
import { z } from 'zod'
import type { ViewSubmission } from './slack-payloads.ts'

/** The modal behind a note's Edit button. */
export const EDIT_NOTE_CALLBACK = 'crm_edit_note'
const BLOCK = 'note'
const INPUT = 'text'

/** What the modal carries from the button press to the submission (`private_metadata`, 3,000 chars max). */
const EditMeta = z.object({
  value: z.record(z.string(), z.union([z.string(), z.number()])),
  chatId: z.string(),
  responseUrl: z.string().optional(),
})
export type EditMeta = z.infer<typeof EditMeta>

/**
 * The modal behind Edit: one correction line, which the core applies to the note (`是拜访不是电话`,
 * `下周五跟进`, `it was a meeting`). Bilingual, since nothing tells us the user's language here.
 */
export function editNoteModal(meta: EditMeta): slack.ModalView {
  return {
    type: 'modal',
    callback_id: EDIT_NOTE_CALLBACK,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: '修改记录 · Edit note' },
    submit: { type: 'plain_text', text: '保存 · Save' },
    close: { type: 'plain_text', text: '取消 · Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: BLOCK,
        label: { type: 'plain_text', text: '要改什么 · What to correct' },
        element: {
          type: 'plain_text_input',
          action_id: INPUT,
          max_length: 500,
          placeholder: { type: 'plain_text', text: '是拜访不是电话 · it was a meeting, follow up Friday' },
        },
      },
    ],
  }
}

/** The submission's text and metadata, or null when it is not our modal or its metadata was tampered with. */
export function readEditSubmission(payload: ViewSubmission): (EditMeta & { text: string }) | null {
  if (payload.view.callback_id !== EDIT_NOTE_CALLBACK) return null
  let raw: unknown
  try {
    raw = JSON.parse(payload.view.private_metadata)
  } catch {
    return null
  }
  const meta = EditMeta.safeParse(raw)
  if (!meta.success) return null
  const text = payload.view.state.values[BLOCK]?.[INPUT]?.value?.trim() ?? ''
  return { ...meta.data, text }
}

/** The answer that keeps the modal open with an error under the input. */
export function editError(message: string) {
  return { response_action: 'errors', errors: { [BLOCK]: message } }
}
