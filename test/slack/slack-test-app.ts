import { buildSlackBot, type SlackBotOptions } from '../../bots/slack/index.ts'
import type { ChartRenderer } from '../../src/charts/chart-renderer.ts'
import { createTestCrm } from '../support/test-crm.ts'
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.ts'
import { formBody, SIGNING_SECRET, signedInit } from './sign-slack-request.ts'

export const BOT_TOKEN = 'xoxb-1234-5678-test'

/**
 * The whole CRM (real libSQL file, real pipeline) with only the Slack bot, talking to a fake Slack Web API;
 * helpers post signed requests to its routes. Pacing is off unless a test asks for it.
 */
export async function createSlackTestApp(
  options: { env?: Record<string, string>; bot?: SlackBotOptions; charts?: ChartRenderer } = {},
) {
  const fake: FakeSlackApi = await startFakeSlackApi()
  const crm = await createTestCrm({
    env: {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: fake.apiUrl,
      ...options.env,
    },
    bots: [buildSlackBot({ pacing: { intervalMs: 0 }, ...options.bot })],
    ...(options.charts && { charts: options.charts }),
  })
  const timestamp = Math.floor(crm.now().getTime() / 1000)
  const post = (path: string, body: string, contentType: string, headers?: Record<string, string>) =>
    crm.app.request(path, signedInit(body, { timestamp, contentType, headers }))
  return {
    crm,
    fake,
    timestamp,
    /** POST /slack/events with a signed JSON envelope. */
    event: (envelope: unknown, headers?: Record<string, string>) =>
      post('/slack/events', JSON.stringify(envelope), 'application/json', headers),
    /** POST /slack/commands with signed form fields. */
    command: (fields: Record<string, string>) =>
      post('/slack/commands', formBody(fields), 'application/x-www-form-urlencoded'),
    /** POST /slack/interactions with the payload JSON in a signed form. */
    interaction: (payload: unknown) =>
      post(
        '/slack/interactions',
        formBody({ payload: JSON.stringify(payload) }),
        'application/x-www-form-urlencoded',
      ),
    async close() {
      await crm.close()
      await fake.close()
    },
  }
}

export type SlackTestApp = Awaited<ReturnType<typeof createSlackTestApp>>
