import { createWecomAibot, createWecomAppBot, createWecomWebhookBot } from '../../bots/wecom/index.ts'
import type { ChartRenderer } from '../../src/charts/chart-renderer.ts'
import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import { createTestCrm } from '../support/test-crm.ts'
import type { FakeWecomApi } from './fake-wecom-api.ts'
import { AIBOT_KEYS, APP_KEYS } from './wecom-signer.ts'

export const APP_SECRET = 'app-secret'
/** The group chat the AI bot is in, and its 消息推送 robot key. */
export const GROUP_CHAT = 'wrkSFfCgAAxxGroup'
export const GROUP_ROBOT_KEY = 'robot-key-1'

/** A CRM with all three WeCom bots configured against the fake WeCom API (the AI bot in callback mode). */
export function createWecomTestCrm(
  api: FakeWecomApi,
  options: {
    env?: Record<string, string>
    bots?: ChatBotFactory[]
    now?: () => Date
    charts?: ChartRenderer
  } = {},
) {
  return createTestCrm({
    env: {
      WECOM_CORP_ID: APP_KEYS.receiveId,
      WECOM_TOKEN: APP_KEYS.token,
      WECOM_ENCODING_AES_KEY: APP_KEYS.encodingAesKey,
      WECOM_SECRET: APP_SECRET,
      WECOM_AGENT_ID: '1000002',
      WECOM_API_URL: api.url,
      WECOM_AIBOT_TOKEN: AIBOT_KEYS.token,
      WECOM_AIBOT_ENCODING_AES_KEY: AIBOT_KEYS.encodingAesKey,
      WECOM_WEBHOOK_KEYS: `${GROUP_CHAT}=${GROUP_ROBOT_KEY}`,
      WECOM_WEBHOOK_URL: api.webhookUrl,
      ...options.env,
    },
    bots: options.bots ?? [createWecomAppBot, createWecomAibot, createWecomWebhookBot],
    ...(options.now && { now: options.now }),
    ...(options.charts && { charts: options.charts }),
  })
}
