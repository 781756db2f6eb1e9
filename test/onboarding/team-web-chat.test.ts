/**
 * issue 15 #1 and #2 end to end in real Chromium: two users of one `team` workspace log notes on the same
 * customer from two browsers (desktop and phone width), a reload keeps the conversation, and the list
 * shortcuts show `我的客户`. Screenshots go to a temp folder; `UPDATE_SCREENSHOTS=1` writes the committed
 * ones in docs/screenshots/ instead (so an ordinary run never dirties the tree).
 */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { interactions, workspaces } from '../../src/db/schema.ts'
import { type BrowserApp, browserTitle, HAS_CHROMIUM, openInBrowser } from '../support/browser-app.ts'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : join(tmpdir(), 'crm-team-shots')
let t: TestCrm
let served: BrowserApp | undefined
let base: string
let browser: Browser
const errors: string[] = []

async function open(user: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(base)
  await page.locator('#user').fill(user)
  await page.locator('#user').press('Enter')
  return page
}

/** Sends a message and waits for the bot bubble that answers it. */
async function say(page: Page, text: string) {
  const bubbles = page.locator('.msg.bot[data-intent]')
  const before = await bubbles.count()
  await page.locator('#text').fill(text)
  await page.locator('#text').press('Enter')
  const reply = bubbles.nth(before)
  await reply.waitFor({ state: 'visible' })
  return reply
}

describe.skipIf(!HAS_CHROMIUM)(browserTitle('two users of a team workspace in Chromium'), () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    t = await createTestCrm()
    served = await openInBrowser(t)
    ;({ base, browser } = served)
  })
  afterAll(async () => {
    await served?.close()
    await t?.close()
  })

  it('both log notes on 华为, a reload keeps the history, and 我的客户 lists it', async () => {
    const desk = await open('张伟', { width: 1280, height: 860 })
    const first = await say(desk, '今天给华为张总打了电话,他对报价满意,下周三跟进')
    expect(await first.getAttribute('data-intent')).toBe('log_interaction')

    const phone = await open('李娜', { width: 390, height: 844 })
    const second = await say(phone, '拜访了华为李总,客户想加购两台服务器')
    expect(await second.getAttribute('data-intent')).toBe('log_interaction')
    expect(await second.textContent()).not.toMatch(/已由|联系你的经理/)
    const notes = await t.db.select().from(interactions)
    expect(notes).toHaveLength(2)
    expect(new Set(notes.map((n) => n.customerId)).size).toBe(1)
    expect((await t.db.select().from(workspaces))[0]?.sharingMode).toBe('team')

    // A reload shows the stored conversation again, in order, with its card.
    await phone.reload()
    await phone.locator('.msg.me').first().waitFor()
    expect(await phone.locator('.msg.me').allTextContents()).toEqual(['拜访了华为李总,客户想加购两台服务器'])
    expect(await phone.locator('.msg.bot[data-intent="log_interaction"]').count()).toBe(1)

    // The lists: 张伟 owns 华为 (he logged it first); the card lists it.
    await desk.locator('#lists [data-send="我的客户"]').click()
    const list = desk.locator('.msg.bot[data-intent="list"]').last()
    await list.waitFor()
    expect(await list.locator('.my-list li').allTextContents()).toEqual([expect.stringContaining('华为')])

    await desk.screenshot({ path: `${SHOTS}/web-team-desktop.png` })
    await phone.screenshot({ path: `${SHOTS}/web-team-phone.png` })
    expect(errors).toEqual([])
  })
})
