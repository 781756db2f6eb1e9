/**
 * The built-in web chat driven end to end in real Chromium: the page at `/`, `POST /api/messages`,
 * `POST /api/actions` and the outbox poll, against a real CRM on a libSQL file.
 *
 * Needs Debian's `/usr/bin/chromium` (`apt-get install -y chromium`; CI's `.ci/run` installs it).
 */
import { existsSync, mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ServerType, serve } from '@hono/node-server'
import { eq } from 'drizzle-orm'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customers, interactions, reminders } from '../../src/db/schema.ts'
import { deliverDueReminders } from '../../src/jobs/deliver-reminders.ts'
import { createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

const CHROMIUM = '/usr/bin/chromium'
const HAS_CHROMIUM = existsSync(CHROMIUM)
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '__screenshots__')
const TITLE = HAS_CHROMIUM
  ? 'web chat in Chromium'
  : `web chat in Chromium — SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`

let t: TestCrm
let server: ServerType
let base: string
let browser: Browser
let page: Page
const pageErrors: string[] = []
const dialogs: string[] = []

/** The newest bot bubble of an intent, once it is on the page. */
async function botBubble(intent: string): Promise<Locator> {
  const bubble = page.locator(`.msg.bot[data-intent="${intent}"]`).last()
  await bubble.waitFor({ state: 'visible' })
  return bubble
}

/** Types a message, sends it with Enter and returns the next bot bubble. */
async function send(text: string): Promise<Locator> {
  const before = await page.locator('.msg.bot[data-intent]').count()
  await page.locator('#text').fill(text)
  await page.locator('#text').press('Enter')
  const reply = page.locator('.msg.bot[data-intent]').nth(before)
  await reply.waitFor({ state: 'visible' })
  return reply
}

/** Sends a message and expects a reply of this intent. */
async function say(text: string, intent: string): Promise<Locator> {
  const reply = await send(text)
  expect(await reply.getAttribute('data-intent'), `reply to "${text}": ${await reply.textContent()}`).toBe(
    intent,
  )
  return reply
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
    t = await createTestCrm()
    base = await new Promise<string>((resolve) => {
      server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
        resolve(`http://127.0.0.1:${info.port}`),
      )
    })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
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
    await browser?.close()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
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

    // A note: the confirmation card shows customer, contact, type, sentiment and follow-up, with Undo.
    const note = await say('今天给华为张总打了电话,他对报价满意,下周三跟进', 'log_interaction')
    await expect(note.locator('[data-field="customer"]').textContent()).resolves.toContain('华为')
    await expect(note.locator('[data-field="contact"]').textContent()).resolves.toContain('张总')
    await expect(note.locator('[data-field="type"]').textContent()).resolves.toContain('电话')
    await expect(note.locator('[data-field="sentiment"]').textContent()).resolves.toContain('积极')
    expect(await note.locator('[data-field="follow-up"]').count()).toBe(1)
    expect(await huaweiNotes()).toEqual([expect.objectContaining({ type: 'call' })])

    // Undo posts to /api/actions, removes the note and locks the buttons.
    await note.locator('button[data-action^="undo_"]').click()
    await botBubble('action')
    expect(await huaweiNotes()).toEqual([])
    await expect(note.locator('button[data-action^="undo_"]').isDisabled()).resolves.toBe(true)

    const card = await say('查一下华为', 'lookup_customer')
    await expect(card.locator('.card-title').textContent()).resolves.toContain('华为')

    // The pipeline table needs a deal: one through the REST API so the table has a row.
    const created = await fetch(`${base}/api/v1/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '腾讯' }),
    })
    expect(created.status).toBe(201)
    const tencent = (await created.json()) as { id: string }
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

    const reminder = await say('提醒我明天下午3点给美团王总发合同', 'set_reminder')
    await expect(reminder.textContent()).resolves.toContain('合同')
    const [row] = await t.db.select().from(reminders).where(eq(reminders.status, 'pending'))
    expect(row?.text).toContain('合同')

    const list = await say('我的提醒', 'list_reminders')
    expect(await list.locator('li [data-slot] button[data-action="reminder_done"]').count()).toBe(1)

    // The scheduler pushes it when due; the page polls the outbox and shows Done / Snooze 1h / Tomorrow.
    const later = new Date(TEST_NOW.getTime() + 3 * 86_400_000)
    expect(await deliverDueReminders({ db: t.db, now: () => later }, t.senders, () => {})).toBe(1)
    const due = await botBubble('reminder_due')
    expect(await due.locator('button[data-action]').allInnerTexts()).toEqual(['完成', '1小时后', '明天'])
    await due.locator('button[data-action="reminder_snooze"]').first().click()
    await botBubble('action')
    const [snoozed] = await t.db.select().from(reminders).where(eq(reminders.id, row!.id))
    expect(snoozed).toMatchObject({ status: 'pending', dueAt: new Date(TEST_NOW.getTime() + 3_600_000) })
    await shot('web-chat-reminders.png')

    expect(pageErrors).toEqual([])
  }, 60_000)

  it('asks which customer with one button per option, and a button answers it', async () => {
    for (const name of ['美团外卖', '美团优选']) {
      const res = await fetch(`${base}/api/v1/customers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      })
      expect(res.status).toBe(201)
    }
    const choice = await say('查一下美团', 'choice')
    const options = choice.locator('button[data-action="choose_customer"]')
    const labels = await options.allInnerTexts()
    expect(labels.map((l) => l.replace(/^\d\. /, '')).sort()).toEqual(['美团优选', '美团外卖'])
    expect(labels.map((l) => l.slice(0, 3))).toEqual(['1. ', '2. '])
    await options.filter({ hasText: '美团优选' }).click()
    const card = await botBubble('lookup_customer')
    await expect(card.locator('.card-title').textContent()).resolves.toContain('美团优选')
    await expect(options.filter({ hasText: '美团外卖' }).isDisabled()).resolves.toBe(true)

    // Text from the database is escaped, never markup.
    const xss = '<img src=x onerror=alert(1)>Evil'
    const res = await fetch(`${base}/api/v1/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: xss }),
    })
    expect(res.status).toBe(201)
    let evil = await send('find Evil')
    if ((await evil.getAttribute('data-intent')) === 'choice') {
      // A partial name is a question first; the option button carries the name as text.
      await evil.locator('button[data-action="choose_customer"]').first().click()
      evil = await botBubble('lookup_customer')
    }
    expect(await evil.getAttribute('data-intent')).toBe('lookup_customer')
    await expect(evil.locator('.card-title').textContent()).resolves.toContain(xss)
    expect(await page.locator('img').count()).toBe(0)
    expect(dialogs).toEqual([])

    await page.setViewportSize({ width: 420, height: 860 })
    await shot('web-chat-mobile.png')
    expect(pageErrors).toEqual([])
  }, 60_000)
})
