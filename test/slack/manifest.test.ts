import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { BOT_SCOPES } from '../../bots/slack/oauth-install.ts'

const manifest = parse(readFileSync(new URL('../../bots/slack/manifest.yml', import.meta.url), 'utf8'))

describe('manifest.yml', () => {
  it('asks for the scopes the OAuth install asks for', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort())
  })

  it('points Slack at the routes the bot serves, and escapes mentions in /crm', () => {
    expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/)
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_home_opened',
      'app_mention',
      'message.im',
    ])
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/interactions$/)
    expect(manifest.features.slash_commands[0]).toMatchObject({ command: '/crm', should_escape: true })
    expect(manifest.features.slash_commands[0].url).toMatch(/\/slack\/commands$/)
    expect(manifest.oauth_config.redirect_urls[0]).toMatch(/\/slack\/oauth\/callback$/)
    expect(manifest.features.app_home.home_tab_enabled).toBe(true)
  })
})
