import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../src/config.ts'

describe('configuration', () => {
  it('runs out of the box: embedded database, offline parser, local-only without an API token', () => {
    const config = parseConfig({})
    expect(config.port).toBe(8787)
    expect(config.database.url).toBe('file:./data/crm.db')
    expect(config.llm).toBeUndefined()
    expect(config.host).toBe('127.0.0.1')
    expect(config.defaultTimeZone).toBe('Asia/Shanghai')
  })

  it('binds every interface once the API has a token', () => {
    expect(parseConfig({ CRM_API_TOKEN: 'secret' }).host).toBe('0.0.0.0')
  })

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DEFAULT_TIMEZONE: 'Mars/Olympus' }, /Mars\/Olympus/],
    [{ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' }, /LLM_BASE_URL and LLM_MODEL/],
    [{ WECOM_AIBOT_WS_URL: 'http://example.com' }, /WECOM_AIBOT_WS_URL: expected a ws:\/\/ or wss:\/\/ URL/],
    [{ WECOM_WEBHOOK_KEYS: 'just-a-key' }, /WECOM_WEBHOOK_KEYS entry "just-a-key": expected chatId=key/],
    [{ SESSION_SECRET: 'too-short' }, /SESSION_SECRET: expected at least 32 characters/],
  ])('refuses %o with a message naming it', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError)
    expect(() => parseConfig(env)).toThrow(message)
  })

  it('reads the AI bot long connection address', () => {
    const config = parseConfig({ WECOM_AIBOT_WS_URL: 'wss://openws.example.com' })
    expect(config.wecom.aibot.wsUrl).toBe('wss://openws.example.com')
  })
})
