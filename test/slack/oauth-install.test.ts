import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { platformInstallations } from '../../src/db/schema.ts'
import { appMention, TEAM } from './slack-fixtures.ts'
import { createSlackTestApp, type SlackTestApp } from './slack-test-app.ts'

let s: SlackTestApp
beforeEach(async () => {
  // No SLACK_BOT_TOKEN: every team's token comes from its install.
  s = await createSlackTestApp({
    env: {
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: '1234.5678',
      SLACK_CLIENT_SECRET: 'client-secret-abc',
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PUBLIC_URL: 'https://crm.example.com',
    },
  })
  s.fake.oauthAccess = {
    access_token: 'xoxb-installed-team-token',
    token_type: 'bot',
    scope: 'app_mentions:read,chat:write,commands',
    bot_user_id: 'U0BOT0001',
    app_id: 'A0CRMAPP1',
    team: { id: TEAM, name: 'Acme Sales' },
    enterprise: null,
    authed_user: { id: 'U0ADMIN01' },
  }
})
afterEach(() => s.close())

async function startInstall() {
  const response = await s.crm.app.request('/slack/install')
  expect(response.status).toBe(302)
  const location = new URL(response.headers.get('location')!)
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!
  return { location, cookie, state: location.searchParams.get('state')! }
}

describe('Slack OAuth install', () => {
  it("sends the admin to Slack's consent page, stores the team's token sealed, and uses it", async () => {
    const { location, cookie, state } = await startInstall()
    expect(`${location.origin}${location.pathname}`).toBe(`${s.fake.origin}/oauth/v2/authorize`)
    expect(location.searchParams.get('client_id')).toBe('1234.5678')
    expect(location.searchParams.get('scope')).toContain('app_mentions:read')
    expect(location.searchParams.get('redirect_uri')).toBe('https://crm.example.com/slack/oauth/callback')

    const callback = await s.crm.app.request(
      `/slack/oauth/callback?code=4724469134.4644010092847&state=${state}`,
      {
        headers: { cookie },
      },
    )
    expect(callback.status).toBe(200)
    expect(await callback.text()).toContain('Acme Sales')
    expect(s.fake.callsTo('oauth.v2.access')[0]?.body).toMatchObject({
      client_id: '1234.5678',
      client_secret: 'client-secret-abc',
      code: '4724469134.4644010092847',
    })
    const [row] = await s.crm.db.select().from(platformInstallations)
    expect(row).toMatchObject({ platform: 'slack', externalId: TEAM, botUserId: 'U0BOT0001' })
    expect(row?.tokenCiphertext).not.toContain('xoxb')

    await s.event(appMention())
    await s.crm.settle()
    expect(s.fake.callsTo('chat.postMessage')[0]?.token).toBe('xoxb-installed-team-token')
  })

  it('refuses a callback whose state is forged, or started in another browser', async () => {
    const { cookie, state } = await startInstall()
    const forged = `${state.slice(0, -4)}0000`
    expect(
      (await s.crm.app.request(`/slack/oauth/callback?code=x&state=${forged}`, { headers: { cookie } }))
        .status,
    ).toBe(400)
    expect((await s.crm.app.request(`/slack/oauth/callback?code=x&state=${state}`)).status).toBe(400)
    expect(s.fake.callsTo('oauth.v2.access')).toHaveLength(0)
  })

  it('stores a message from a team that never installed, and logs that it cannot answer', async () => {
    expect((await s.event(appMention())).status).toBe(200)
    await s.crm.settle()
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0)
    expect(
      s.crm.events.some(
        (e) => e.event === 'outbox.send_failed' && /not installed/.test(String(e.fields.error)),
      ),
    ).toBe(true)
  })
})
