/**
 * The built-in web chat driven end to end in real Chromium: the page at `/`, `POST /api/messages`,
 * `POST /api/actions` and the outbox poll, against a real CRM on a libSQL file.
 *
 * Needs Debian's `/usr/bin/chromium` (`apt-get install -y chromium`; CI's `.ci/run` installs it).
 */
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { eq, like } from 'drizzle-orm'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Reply } from '../../src/chat/chat-message.ts'
import type {
  DealSummary,
  DealUpdatedData,
  DigestData,
  PipelineSummaryData,
  ReminderSummary,
} from '../../src/chat/reply-data.ts'
import { customers, interactions, reminders } from '../../src/db/schema.ts'
import { deliverDueReminders } from '../../src/jobs/deliver-reminders.ts'
import { enqueueMessages } from '../../src/outbox/outbox-store.ts'
import { type BrowserApp, browserTitle, HAS_CHROMIUM, openInBrowser } from '../support/browser-app.ts'
import { createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '__screenshots__')
const TITLE = browserTitle('web chat in Chromium')

let t: TestCrm
let served: BrowserApp | undefined
/** The server's clock: moved on while the due reminder is pushed, so the page's poll finds it due. */
let clock = TEST_NOW
let base: string
let browser: Browser
let page: Page
const pageErrors: string[] = []
const dialogs: string[] = []

/** Runs `trigger` (a key press, a click, a push) and returns the next bot bubble, which must be of `intent`. */
async function next(intent: string | string[], trigger: () => Promise<unknown>): Promise<Locator> {
  const bubbles = page.locator('.msg.bot[data-intent]')
  const before = await bubbles.count()
  await trigger()
  const reply = bubbles.nth(before)
  await reply.waitFor({ state: 'visible' })
  expect([intent].flat(), `got: ${await reply.textContent()}`).toContain(
    await reply.getAttribute('data-intent'),
  )
  return reply
}

/** Types a message and sends it with Enter. */
async function type(text: string) {
  await page.locator('#text').fill(text)
  await page.locator('#text').press('Enter')
}

/** Sends a message and expects a reply of this intent. */
const say = (text: string, intent: string) => next(intent, () => type(text))

const createCustomer = async (name: string): Promise<{ id: string }> => {
  const res = await fetch(`${base}/api/v1/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string }
}

async function huaweiNotes() {
  return t.db
    .select({ id: interactions.id, type: interactions.type })
    .from(interactions)
    .innerJoin(customers, eq(customers.id, interactions.customerId))
    .where(eq(customers.name, '华为'))
}

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) })

describe.skipIf(!HAS_CHROMIUM)(TITLE, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    t = await createTestCrm({ now: () => clock })
    served = await openInBrowser(t)
    ;({ base, browser } = served)
    page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' })
    page.setDefaultTimeout(10_000)
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    page.on('pageerror', (error) => pageErrors.push(String(error)))
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text())
    })
  })

  afterAll(async () => {
    await served?.close()
    await t?.close()
  })

  it('welcomes, logs a note, undoes it, looks up, sums the pipeline and sets a reminder', async () => {
    await page.goto(base)
    await expect(page.title()).resolves.toContain('CRM')
    expect(await page.locator('.welcome .example').count()).toBeGreaterThanOrEqual(6)
    await expect(page.locator('.welcome').textContent()).resolves.toContain('查一下华为')
    await expect(page.locator('.welcome').textContent()).resolves.toContain('pipeline this month')

    // Sending without a name asks for one and sends nothing.
    await page.locator('#text').fill('查一下华为')
    await page.locator('#text').press('Enter')
    await expect(page.locator('#who.need').count()).resolves.toBe(1)
    expect(await page.locator('.msg').count()).toBe(0)

    await page.locator('#user').fill('alice')
    await page.locator('#user').press('Enter')
    await expect(page.locator('#user-avatar').textContent()).resolves.toBe('A')

    await shot('web-chat-welcome.png')

    // A note: the confirmation card shows customer, contact, type, sentiment and follow-up, with Undo.
    const note = await say('今天给华为张总打了电话,他对报价满意,下周三跟进', 'log_interaction')
    await expect(note.locator('[data-field="customer"]').textContent()).resolves.toContain('华为')
    await expect(note.locator('[data-field="contact"]').textContent()).resolves.toContain('张总')
    await expect(note.locator('[data-field="type"]').textContent()).resolves.toContain('电话')
    await expect(note.locator('[data-field="sentiment"]').textContent()).resolves.toContain('积极')
    await expect(note.locator('[data-field="follow-up"]').textContent()).resolves.toContain('⏰')
    expect(await huaweiNotes()).toEqual([expect.objectContaining({ type: 'call' })])

    await shot('web-chat-note.png')

    // Undo posts to /api/actions, removes the note and locks the buttons.
    await next('action', () => note.locator('button[data-action^="undo_"]').click())
    expect(await huaweiNotes()).toEqual([])
    await expect(note.locator('button[data-action^="undo_"]').isDisabled()).resolves.toBe(true)

    // Undo archived the customer the note created: a lookup no longer finds it, a new note creates it anew.
    await say('查一下华为', 'lookup_customer')
    await say('拜访了华为的张总,聊得很愉快', 'log_interaction')
    const card = await say('查一下华为', 'lookup_customer')
    await expect(card.locator('.card-title').textContent()).resolves.toContain('华为')

    // The pipeline table needs a deal: one through the REST API so the table has a row.
    const tencent = await createCustomer('腾讯')
    const deal = await fetch(`${base}/api/v1/deals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer_id: tencent.id, title: '云服务', amount: 500000, stage: 'proposal' }),
    })
    expect(deal.status).toBe(201)
    const pipeline = await say('pipeline this month', 'pipeline_summary')
    expect(await pipeline.locator('table.by-stage tr[data-stage]').count()).toBeGreaterThanOrEqual(1)
    await expect(pipeline.locator('table.by-stage').textContent()).resolves.toContain('Proposal')
    await shot('web-chat-desktop.png')

    const tencentCard = await say('查一下腾讯', 'lookup_customer')
    const dealRow = tencentCard.locator('table tr', { hasText: '云服务' })
    await expect(dealRow.textContent()).resolves.toContain('50%')

    const reminder = await say('提醒我明天下午3点给美团王总发合同', 'set_reminder')
    await expect(reminder.textContent()).resolves.toContain('合同')
    const [row] = await t.db.select().from(reminders).where(like(reminders.text, '%合同%'))
    expect(row?.text).toContain('合同')

    const list = await say('我的提醒', 'list_reminders')
    expect(await list.locator('li [data-slot] button[data-action="reminder_done"]').count()).toBe(1)

    // The scheduler pushes it when due; the page polls the outbox and shows Done / Snooze 1h / Tomorrow.
    const later = new Date(TEST_NOW.getTime() + 3 * 86_400_000)
    clock = later
    const due = await next('reminder_due', async () => {
      expect(await deliverDueReminders({ db: t.db, now: () => later }, t.senders, () => {})).toBe(1)
    })
    clock = TEST_NOW
    expect(await due.locator('button[data-action]').allInnerTexts()).toEqual(['完成', '1小时后', '明天'])
    await next('action', () => due.locator('button[data-action="reminder_snooze"]').first().click())
    const [snoozed] = await t.db.select().from(reminders).where(eq(reminders.id, row!.id))
    expect(snoozed).toMatchObject({ status: 'pending', dueAt: new Date(TEST_NOW.getTime() + 3_600_000) })
    await shot('web-chat-reminders.png')

    expect(pageErrors).toEqual([])
  }, 60_000)

  it('asks which customer with one button per option, and a button answers it', async () => {
    for (const name of ['美团外卖', '美团优选']) await createCustomer(name)
    const choice = await say('查一下美团', 'choice')
    const options = choice.locator('button[data-action="choose_customer"]')
    const labels = await options.allInnerTexts()
    expect(labels.map((l) => l.replace(/^\d\. /, '')).sort()).toEqual(['美团优选', '美团外卖'])
    expect(labels.map((l) => l.slice(0, 3))).toEqual(['1. ', '2. '])
    const card = await next('lookup_customer', () => options.filter({ hasText: '美团优选' }).click())
    await expect(card.locator('.card-title').textContent()).resolves.toContain('美团优选')
    await expect(options.filter({ hasText: '美团外卖' }).isDisabled()).resolves.toBe(true)

    // Text from the database is escaped, never markup.
    const xss = '<img src=x onerror=alert(1)>Evil'
    await createCustomer(xss)
    let evil = await next(['choice', 'lookup_customer'], () => type('find Evil'))
    if ((await evil.getAttribute('data-intent')) === 'choice') {
      // A partial name is a question first; the option button carries the name as text.
      evil = await next('lookup_customer', () =>
        evil.locator('button[data-action="choose_customer"]').first().click(),
      )
    }
    expect(await evil.getAttribute('data-intent')).toBe('lookup_customer')
    await expect(evil.locator('.card-title').textContent()).resolves.toContain(xss)
    expect(await page.locator('img').count()).toBe(0)
    expect(dialogs).toEqual([])

    // Edit opens a one-line correction under the note; saving posts the line with the action.
    const note = await say('今天给腾讯李总打了电话,聊得很愉快', 'log_interaction')
    await note.locator('button[data-action="edit_interaction"]').click()
    await note.locator('.editor input').fill('是拜访不是电话')
    await next('action', () => note.locator('.editor .btn.primary').click())
    await note.locator('.editor').waitFor({ state: 'detached' })
    await expect(note.locator('.correction').textContent()).resolves.toContain('是拜访不是电话')
    const edited = await t.db
      .select({ type: interactions.type })
      .from(interactions)
      .innerJoin(customers, eq(customers.id, interactions.customerId))
      .where(eq(customers.name, '腾讯'))
    expect(edited).toEqual([{ type: 'visit' }])

    // A welcome example is a button that sends itself.
    await next('list_reminders', () => page.locator('.welcome .example', { hasText: '我的提醒' }).click())

    await page.setViewportSize({ width: 420, height: 860 })
    await shot('web-chat-mobile.png')
    expect(pageErrors).toEqual([])
  }, 60_000)

  it('renders pushed digests, deal updates, help, errors and unknown intents as cards, escaped', async () => {
    await page.setViewportSize({ width: 1100, height: 1400 })
    const evil = '<b onmouseover=alert(1)>x</b>'
    const reminder: ReminderSummary = {
      id: 'r1',
      text: `给${evil}发合同`,
      dueAt: '2026-11-18T07:00:00.000Z',
      dueLocal: '11月18日(周三) 15:00',
      status: 'pending',
      customerName: '美团',
    }
    const deal: DealSummary = {
      id: 'd1',
      title: '小米 · 手机项目',
      customerName: '小米',
      stage: 'won',
      amount: 800_000,
      currency: 'CNY',
      probability: 100,
      ownerName: 'alice',
      expectedClose: '2026-11-30',
    }
    const pipeline: PipelineSummaryData = {
      period: 'this_month',
      periodLabel: '本月',
      currency: 'CNY',
      stages: [
        { stage: 'proposal', count: 2, amount: 1_500_000, weighted_amount: 750_000 },
        { stage: 'negotiation', count: 1, amount: 800_000, weighted_amount: 560_000 },
        { stage: 'lost', count: 0, amount: 0, weighted_amount: 0 },
      ],
      owners: [
        { owner: 'alice', ownerId: 'u1', count: 2, amount: 1_300_000, weighted_amount: 800_000 },
        { owner: evil, ownerId: 'u2', count: 1, amount: 1_000_000, weighted_amount: 510_000 },
      ],
      total: { count: 3, amount: 2_300_000, weighted_amount: 1_310_000 },
    }
    const digest: DigestData = {
      dueToday: [reminder],
      staleCustomers: [{ id: 'c1', name: '京东', ownerName: 'alice', daysSilent: 21 }],
      staleDeals: [{ ...deal, stage: 'proposal', probability: 50, daysSilent: 30 }],
      pipeline,
    }
    const updated: DealUpdatedData = { deal, previousStage: 'negotiation', created: false }
    const pushes: Reply[] = [
      { text: '☀️ 早报', intent: 'digest', data: digest as unknown as Record<string, unknown> },
      { text: '🎉 小米 · 赢单', intent: 'update_deal', data: updated as unknown as Record<string, unknown> },
      {
        text: '没太明白。你可以这样说:\n• 查客户: 查一下华为',
        intent: 'unknown',
        data: { examples: ['查客户: 查一下华为', '我的提醒'] },
      },
      { text: `⚠️ ${evil}`, intent: 'error', data: { code: 'invalid' } },
      { text: 'plain text for an intent with no data', intent: 'list_reminders', data: null },
    ]
    const bubbles = page.locator('.msg.bot[data-intent]')
    const before = await bubbles.count()
    const target = { platform: 'web', workspaceId: 'local', chatId: 'dm:alice' }
    await enqueueMessages(
      t.db,
      pushes.map((reply, i) => ({ dedupeKey: `test-push:${i}`, target, reply })),
      TEST_NOW.getTime(),
    )
    await bubbles.nth(before + pushes.length - 1).waitFor({ state: 'visible' })
    expect(
      await bubbles.evaluateAll((els) => els.slice(-5).map((e) => e.getAttribute('data-intent'))),
    ).toEqual(pushes.map((p) => p.intent))
    const error = page.locator('.msg.bot[data-intent="error"]').last()
    await expect(error.textContent()).resolves.toContain(evil)

    const digestCard = page.locator('.msg.bot[data-intent="digest"]').last()
    await expect(digestCard.textContent()).resolves.toContain('京东')
    await expect(digestCard.textContent()).resolves.toContain(`给${evil}发合同`)
    expect(await digestCard.locator('table.by-stage tr[data-stage]').count()).toBe(2)
    expect(await digestCard.locator('table.by-owner tr[data-owner]').count()).toBe(2)
    const dealCard = page.locator('.msg.bot[data-intent="update_deal"]').last()
    await expect(dealCard.textContent()).resolves.toMatch(/商务谈判|Negotiation/)
    await expect(dealCard.textContent()).resolves.toMatch(/赢单|Won/)
    await expect(dealCard.textContent()).resolves.toContain('100%')
    const unknown = page.locator('.msg.bot[data-intent="unknown"]').last()
    expect(await unknown.locator('.example').count()).toBe(2)
    const fallback = page.locator('.msg.bot[data-intent="list_reminders"]').last()
    await expect(fallback.textContent()).resolves.toBe('plain text for an intent with no data')
    expect(await page.locator('.msg b[onmouseover]').count()).toBe(0)
    await page.locator('.msg.bot[data-intent="digest"]').last().scrollIntoViewIfNeeded()
    await shot('web-chat-pushed.png')
    expect(pageErrors).toEqual([])
    expect(dialogs).toEqual([])
  }, 60_000)
})
