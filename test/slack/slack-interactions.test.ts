import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { interactions, reminders } from '../../src/db/schema.ts'
import { runScheduledWork } from '../../src/jobs/scheduler.ts'
import { TEST_NOW } from '../support/test-crm.ts'
import { ALICE, appMention, blockActions, DM, directMessage, TEAM } from './slack-fixtures.ts'
import { createSlackTestApp, type SlackTestApp } from './slack-test-app.ts'

let s: SlackTestApp
beforeEach(async () => {
  s = await createSlackTestApp()
})
afterEach(() => s.close())

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON as the fake recorded it
const buttonsIn = (blocks: any[]): { action_id: string; value: string; text: { text: string } }[] =>
  blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements)

async function dueReminderMessage() {
  await s.event(directMessage({ text: '明天上午10点提醒我给华为打电话' }))
  await s.crm.settle()
  const [reminder] = await s.crm.db.select().from(reminders)
  await runScheduledWork({
    db: s.crm.db,
    config: s.crm.config,
    senders: s.crm.senders,
    log: () => {},
    now: () => new Date(reminder!.dueAt.getTime() + 60_000),
  })
  const pushed = s.fake.callsTo('chat.postMessage').at(-1)
  return { reminder: reminder!, pushed: pushed! }
}

describe('Slack buttons and modals', () => {
  it('pushes a due reminder with Done / Snooze 1h / Tomorrow; Snooze 1h snoozes it and updates the message', async () => {
    const { reminder, pushed } = await dueReminderMessage()
    expect(pushed.body.channel).toBe(DM)
    const buttons = buttonsIn(pushed.body.blocks)
    expect(buttons.map((b) => b.text.text)).toEqual(['完成', '1小时后', '明天'])

    const responseUrl = s.fake.responseUrl()
    const press = await s.interaction(blockActions(buttons[1]!, { responseUrl, blocks: pushed.body.blocks }))
    expect(press.status).toBe(200)
    await s.crm.settle()

    const [after] = await s.crm.db.select().from(reminders).where(eq(reminders.id, reminder.id))
    expect(after?.dueAt.getTime()).toBe(TEST_NOW.getTime() + 60 * 60_000)
    expect(after?.status).toBe('pending')
    const [update] = s.fake.callsTo('response_url')
    expect(update?.body).toMatchObject({ replace_original: true, text: expect.stringMatching(/推迟/) })
  })

  it('updates the message with chat.update when there is no response_url', async () => {
    const { reminder, pushed } = await dueReminderMessage()
    const done = buttonsIn(pushed.body.blocks)[0]!
    await s.interaction(
      blockActions(done, { messageTs: pushed.body.ts ?? '1.2', blocks: pushed.body.blocks }),
    )
    await s.crm.settle()
    const [after] = await s.crm.db.select().from(reminders).where(eq(reminders.id, reminder.id))
    expect(after?.status).toBe('done')
    expect(s.fake.callsTo('chat.update')[0]?.body.text).toMatch(/已完成/)
  })

  it('undoes a logged note from its Undo button', async () => {
    await s.event(appMention())
    await s.crm.settle()
    const undo = buttonsIn(s.fake.callsTo('chat.postMessage')[0]!.body.blocks)[0]!
    await s.interaction(blockActions(undo, { responseUrl: s.fake.responseUrl() }))
    await s.crm.settle()
    expect(await s.crm.db.select().from(interactions)).toHaveLength(0)
  })

  it('opens a modal for Edit and applies the correction it submits to the note', async () => {
    await s.event(appMention())
    await s.crm.settle()
    const edit = buttonsIn(s.fake.callsTo('chat.postMessage')[0]!.body.blocks)[1]!
    await s.interaction(blockActions(edit, { responseUrl: s.fake.responseUrl() }))
    await s.crm.settle()
    const [open] = s.fake.callsTo('views.open')
    expect(open?.body.trigger_id).toBe('12466734323.1395872398.abcd')
    const view = open?.body.view
    expect(view.callback_id).toBe('crm_edit_note')

    const submission = {
      type: 'view_submission',
      team: { id: TEAM, domain: 'acme-sales' },
      user: { id: ALICE, username: 'alice', team_id: TEAM },
      api_app_id: 'A0CRMAPP1',
      trigger_id: '12466734323.1395872398.efgh',
      view: {
        id: 'V0MODAL',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { note: { text: { type: 'plain_text_input', value: '是拜访不是电话' } } } },
      },
    }
    const response = await s.interaction(submission)
    expect(response.status).toBe(200)
    await s.crm.settle()
    const [note] = await s.crm.db.select().from(interactions)
    expect(note?.type).toBe('visit')
    const answers = s.fake.callsTo('response_url')
    expect(answers.at(-1)?.body).toMatchObject({
      replace_original: false,
      text: expect.stringMatching(/已修改/),
    })

    const empty = structuredClone(submission)
    empty.view.state.values.note.text.value = '  '
    expect(await (await s.interaction(empty)).json()).toMatchObject({ response_action: 'errors' })
  })

  it('publishes the App Home with open reminders, and a Done pressed there republishes it', async () => {
    await s.event(directMessage({ text: '明天上午10点提醒我给华为打电话' }))
    await s.crm.settle()
    await s.event({
      ...appMention(),
      event: { type: 'app_home_opened', user: ALICE, channel: DM, tab: 'home', event_ts: '1.1' },
    })
    await s.crm.settle()
    const [home] = s.fake.callsTo('views.publish')
    expect(home?.body.user_id).toBe(ALICE)
    expect(JSON.stringify(home?.body.view.blocks)).toContain('给华为打电话')
    const done = buttonsIn(home?.body.view.blocks)[0]!

    await s.interaction(blockActions(done, { view: true }))
    await s.crm.settle()
    const [reminder] = await s.crm.db.select().from(reminders)
    expect(reminder?.status).toBe('done')
    expect(s.fake.callsTo('views.publish')).toHaveLength(2)
  })
})
