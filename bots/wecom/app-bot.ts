import type { ChatBotFactory } from '../../src/chat/chat-bot.ts'
import { createSeenDeliveries } from '../../src/chat/seen-deliveries.ts'
import { WECOM_APP_PLATFORM } from './app-callback.ts'
import { createAppSender } from './app-sender.ts'
import { createCallbackRoutes } from './callback-routes.ts'
import { assertEncodingAesKey } from './config-checks.ts'
import { createWecomApiClient } from './wecom-api-client.ts'

/**
 * The self-built app (自建应用). Callbacks at `/wecom/callback` need WECOM_CORP_ID, WECOM_TOKEN and
 * WECOM_ENCODING_AES_KEY; answering and pushing need WECOM_SECRET and WECOM_AGENT_ID. Either half alone works.
 */
export const createWecomAppBot: ChatBotFactory = ({ config, db, pipeline, waitUntil, log, now, charts }) => {
  const { corpId, secret, agentId, token, encodingAesKey, apiUrl } = config.wecom
  if (!corpId) return null
  const sender =
    secret && agentId
      ? createAppSender(createWecomApiClient({ apiUrl, corpId, secret, agentId }), charts)
      : undefined
  const routes =
    token && encodingAesKey
      ? createCallbackRoutes({
          keys: {
            token,
            encodingAesKey: assertEncodingAesKey(encodingAesKey, 'WECOM_ENCODING_AES_KEY'),
            receiveId: corpId,
          },
          pipeline,
          waitUntil,
          log,
          now,
          seen: createSeenDeliveries(db, now),
          deliver: sender?.deliver,
        })
      : undefined
  if (!routes && !sender) return null
  return { name: WECOM_APP_PLATFORM, ...(routes && { routes }), ...(sender && { sender }) }
}
