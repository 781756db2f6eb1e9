import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { type Browser, chromium } from 'playwright-core'
import type { TestCrm } from './test-crm.ts'

/** Debian's Chromium, which CI's `.ci/run` installs; the browser tests skip (and say so) without it. */
export const CHROMIUM = '/usr/bin/chromium'
export const HAS_CHROMIUM = existsSync(CHROMIUM)

/** A describe title that says why the block skipped, when it does. */
export const browserTitle = (title: string) =>
  HAS_CHROMIUM ? title : `${title} — SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`

/** The test CRM's app served on 127.0.0.1, and a headless Chromium to open it with. */
export interface BrowserApp {
  base: string
  browser: Browser
  close(): Promise<void>
}

/**
 * Serves `t.app` on a free port of 127.0.0.1 and launches Chromium with no sandbox (CI runs as root) and no
 * background traffic (the machines have no internet). `close()` stops both; the CRM is the caller's to close.
 */
export async function openInBrowser(t: TestCrm): Promise<BrowserApp> {
  let server: ServerType | undefined
  const base = await new Promise<string>((resolve) => {
    server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    )
  })
  const browser = await chromium.launch({
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
  return {
    base,
    browser,
    async close() {
      await browser.close()
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    },
  }
}
