/**
 * The sign-in link opened in real Chromium: the redeem page posts itself, the cookie is set, the web chat
 * shows who is signed in and speaks as them; the same link a second time is refused.
 *
 * Needs Debian's `/usr/bin/chromium` (CI's `.ci/run` installs it).
 */
import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSignInToken } from '../../src/auth/sign-in-tokens.ts'
import { ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import { interactions, users } from '../../src/db/schema.ts'
import { type BrowserApp, browserTitle, HAS_CHROMIUM, openInBrowser } from '../support/browser-app.ts'
import { createTestCrm, type TestCrm } from '../support/test-crm.ts'

let t: TestCrm
let served: BrowserApp | undefined
let base: string
let browser: Browser

describe.skipIf(!HAS_CHROMIUM)(browserTitle('web sign-in in Chromium'), () => {
  beforeAll(async () => {
    t = await createTestCrm({ env: { CRM_API_TOKEN: 'browser-test-token' } })
    served = await openInBrowser(t)
    ;({ base, browser } = served)
  })
  afterAll(async () => {
    await served?.close()
    await t?.close()
  })

  it('signs in with the link once, then the chat speaks as that user', async () => {
    const workspace = await ensureWorkspace(t.crm, 'web', 'local')
    const lily = await ensureUser(t.crm, workspace.id, 'lily', { displayName: 'Lily Chen' }, 'Asia/Shanghai')
    const link = `${base}/auth/redeem?token=${await createSignInToken(t.crm, lily)}`
    const page = await browser.newPage({ locale: 'zh-CN' })
    page.setDefaultTimeout(10_000)
    await page.goto(link)
    await page.waitForURL(`${base}/`)
    const cookie = (await page.context().cookies()).find((c) => c.name === 'crm_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
    await expect.poll(() => page.locator('#user').inputValue()).toBe('Lily Chen')
    expect(await page.locator('#user').getAttribute('readonly')).not.toBeNull()

    await page.locator('#text').fill('今天给华为张总打了电话,他对报价满意')
    await page.locator('#text').press('Enter')
    await page.locator('.msg.bot[data-intent="log_interaction"]').waitFor()
    const [note] = await t.db.select().from(interactions)
    const [author] = await t.db.select().from(users).where(eq(users.platformUserId, 'lily'))
    expect(note?.authorUserId).toBe(author?.id)

    const again = await browser.newPage()
    await again.goto(link)
    await expect.poll(() => again.content()).toMatch(/已用过|already used/)
    expect((await again.context().cookies()).some((c) => c.name === 'crm_session')).toBe(false)
  }, 60_000)
})
