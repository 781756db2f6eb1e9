/**
 * The dashboard end to end in real Chromium: a one-time sign-in link opened in the browser, the board, a
 * customer's timeline; an expired and a reused link refused. Screenshots of the board at desktop and
 * phone width go to docs/. Needs Debian's `/usr/bin/chromium` (CI's `.ci/run` installs it).
 */
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSignInToken, signInUrl } from '../../src/auth/sign-in-tokens.ts'
import type { Actor } from '../../src/crm/crm-context.ts'
import { type BrowserApp, browserTitle, HAS_CHROMIUM, openInBrowser } from '../support/browser-app.ts'
import { seedReportFixture } from '../support/report-fixture.ts'
import { createTestCrm, TEST_NOW, type TestCrm } from '../support/test-crm.ts'

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'dashboard')
const TITLE = browserTitle('dashboard in Chromium')

let t: TestCrm
let clock = TEST_NOW
let served: BrowserApp | undefined
let base: string
let browser: Browser
let people: Awaited<ReturnType<typeof seedReportFixture>>

const linkFor = async (actor: Actor) =>
  signInUrl(base, await createSignInToken(t.crm, { id: actor.userId, workspaceId: actor.workspaceId }))

describe.skipIf(!HAS_CHROMIUM)(TITLE, () => {
  beforeAll(async () => {
    mkdirSync(DOCS, { recursive: true })
    t = await createTestCrm({ now: () => clock })
    people = await seedReportFixture(t.crm)
    served = await openInBrowser(t)
    ;({ base, browser } = served)
  })

  afterAll(async () => {
    await served?.close()
    await t?.close()
  })

  it('signs in with the link, shows the board, opens a customer and its timeline', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    await page.goto(`${await linkFor(people.manager)}&next=/dashboard`)
    await page.waitForURL(`${base}/dashboard`)
    await expect(page.locator('h1').textContent()).resolves.toBe('销售管道')
    await expect(page.locator('[data-stage="negotiation"] h2').textContent()).resolves.toBe('商务谈判 · 1')
    await expect(page.locator('.board').textContent()).resolves.not.toContain('阿里云')
    await page.screenshot({ path: join(DOCS, 'board-desktop.png'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: join(DOCS, 'board-phone.png'), fullPage: true })

    await page.locator('.card a', { hasText: '华为' }).first().click()
    await expect(page.locator('h1').textContent()).resolves.toBe('华为')
    const timeline = page.locator('.timeline li')
    await expect(timeline.count()).resolves.toBe(3)
    await expect(timeline.first().textContent()).resolves.toContain('拜访华为,聊了云项目')
    await expect(page.locator('.sentiment').textContent()).resolves.toContain('积极 1')
    await context.close()
  })

  it('refuses an expired link and a reused one', async () => {
    const context = await browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    const expired = await linkFor(people.zhang)
    clock = new Date(TEST_NOW.getTime() + 16 * 60_000)
    await page.goto(expired)
    await expect(page.locator('body').textContent()).resolves.toContain('expired or already used')
    await page.goto(`${base}/dashboard`)
    await expect(page.locator('body').textContent()).resolves.toContain('Sign in first')

    const fresh = await linkFor(people.zhang)
    await page.goto(fresh)
    await page.waitForURL(`${base}/`)
    await context.clearCookies()
    await page.goto(fresh)
    await expect(page.locator('body').textContent()).resolves.toContain('expired or already used')
    await context.close()
  })
})
