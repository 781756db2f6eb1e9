import { z } from 'zod'

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()
const port = z.coerce.number().int().min(0).max(65535)

/** Environment variables the app reads, all in one place. Parsed once at start-up by `parseConfig`. */
const envSchema = z.object({
  PORT: port.default(8787),
  HOST: optional,
  DATABASE_URL: z.string().default('file:./data/crm.db'),
  DATABASE_AUTH_TOKEN: optional,
  CRM_API_TOKEN: optional,
  DEFAULT_TIMEZONE: z.string().default('Asia/Shanghai'),
  PUBLIC_URL: optional,
  BOT_NAMES: z.string().default('CRM助手,CRM,crm-bot'),
  /** Days without a follow-up after which a customer or open deal is flagged as going cold. */
  STALE_AFTER_DAYS: z.coerce.number().int().positive().default(14),
  /** Local hour (in each manager's zone) the morning digest goes out. */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  /** How long a claimed outbox row or due reminder is held before another process may take it over. */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  /** How often the Node server's scheduler looks for due reminders and digests. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
  LLM_BASE_URL: optional,
  LLM_API_KEY: optional,
  LLM_MODEL: optional,
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional,
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  /** 32-byte key (base64 or hex) that encrypts stored platform tokens at rest. */
  TOKEN_ENCRYPTION_KEY: optional,
  WECOM_CORP_ID: optional,
  WECOM_SECRET: optional,
  WECOM_AGENT_ID: optional,
  WECOM_TOKEN: optional,
  WECOM_ENCODING_AES_KEY: optional,
  WECOM_API_URL: z.string().default('https://qyapi.weixin.qq.com'),
  WECOM_AIBOT_TOKEN: optional,
  WECOM_AIBOT_ENCODING_AES_KEY: optional,
  WECOM_AIBOT_ID: optional,
  WECOM_AIBOT_SECRET: optional,
  WECOM_AIBOT_WS_URL: z
    .url({ protocol: /^wss?$/, error: 'WECOM_AIBOT_WS_URL: expected a ws:// or wss:// URL' })
    .optional(),
  /** `chatId=key,chatId=key`: the 消息推送 robot webhook key for each chat that has one. */
  WECOM_WEBHOOK_KEYS: optional,
  WECOM_WEBHOOK_URL: z.string().default('https://qyapi.weixin.qq.com/cgi-bin/webhook/send'),
  WECHATY_PUPPET: optional,
  WECHATY_PUPPET_TOKEN: optional,
})

export type Env = z.input<typeof envSchema>

/** The app's typed configuration, handed to `createApp` and every factory that needs a setting. */
export interface AppConfig {
  port: number
  /** Where the server binds: 127.0.0.1 unless an API token guards `/api`. */
  host: string
  database: { url: string; authToken: string | undefined }
  apiToken: string | undefined
  defaultTimeZone: string
  publicUrl: string | undefined
  botNames: string[]
  staleAfterDays: number
  digestHour: number
  /** `OUTBOX_LEASE_MS` (default 60 s): how long a claim on an outbox row or a due reminder holds. */
  leaseMs: number
  /** `SCHEDULER_INTERVAL_MS` (default 15 s): the Node scheduler's tick. */
  schedulerIntervalMs: number
  llm: { baseUrl: string; apiKey: string; model: string; timeoutMs: number } | undefined
  slack: {
    signingSecret: string | undefined
    botToken: string | undefined
    appToken: string | undefined
    apiUrl: string | undefined
    clientId: string | undefined
    clientSecret: string | undefined
  }
  tokenEncryptionKey: string | undefined
  wecom: {
    corpId: string | undefined
    secret: string | undefined
    agentId: string | undefined
    token: string | undefined
    encodingAesKey: string | undefined
    apiUrl: string
    aibot: {
      token: string | undefined
      encodingAesKey: string | undefined
      botId: string | undefined
      secret: string | undefined
      /** The long connection's address; WeCom's own `wss://openws.work.weixin.qq.com` when unset. */
      wsUrl: string | undefined
    }
    webhookKeys: Record<string, string>
    webhookUrl: string
  }
  wechaty: { puppet: string | undefined; puppetToken: string | undefined }
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses environment variables into `AppConfig`; throws `ConfigError` naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new ConfigError(`invalid configuration: ${problems}`)
  }
  const e = parsed.data
  const llmParts = [e.LLM_BASE_URL, e.LLM_MODEL]
  if (llmParts.some(Boolean) && !llmParts.every(Boolean)) {
    throw new ConfigError('invalid configuration: LLM_BASE_URL and LLM_MODEL must be set together')
  }
  assertTimeZone(e.DEFAULT_TIMEZONE)
  return {
    port: e.PORT,
    host: e.HOST ?? (e.CRM_API_TOKEN ? '0.0.0.0' : '127.0.0.1'),
    database: { url: e.DATABASE_URL, authToken: e.DATABASE_AUTH_TOKEN },
    apiToken: e.CRM_API_TOKEN,
    defaultTimeZone: e.DEFAULT_TIMEZONE,
    publicUrl: e.PUBLIC_URL,
    botNames: e.BOT_NAMES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    staleAfterDays: e.STALE_AFTER_DAYS,
    digestHour: e.DIGEST_HOUR,
    leaseMs: e.OUTBOX_LEASE_MS,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? {
            baseUrl: e.LLM_BASE_URL,
            apiKey: e.LLM_API_KEY ?? 'none',
            model: e.LLM_MODEL,
            timeoutMs: e.LLM_TIMEOUT_MS,
          }
        : undefined,
    slack: {
      signingSecret: e.SLACK_SIGNING_SECRET,
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      clientId: e.SLACK_CLIENT_ID,
      clientSecret: e.SLACK_CLIENT_SECRET,
    },
    tokenEncryptionKey: e.TOKEN_ENCRYPTION_KEY,
    wecom: {
      corpId: e.WECOM_CORP_ID,
      secret: e.WECOM_SECRET,
      agentId: e.WECOM_AGENT_ID,
      token: e.WECOM_TOKEN,
      encodingAesKey: e.WECOM_ENCODING_AES_KEY,
      apiUrl: e.WECOM_API_URL,
      aibot: {
        token: e.WECOM_AIBOT_TOKEN,
        encodingAesKey: e.WECOM_AIBOT_ENCODING_AES_KEY,
        botId: e.WECOM_AIBOT_ID,
        secret: e.WECOM_AIBOT_SECRET,
        wsUrl: e.WECOM_AIBOT_WS_URL,
      },
      webhookKeys: parseKeyList(e.WECOM_WEBHOOK_KEYS),
      webhookUrl: e.WECOM_WEBHOOK_URL,
    },
    wechaty: { puppet: e.WECHATY_PUPPET, puppetToken: e.WECHATY_PUPPET_TOKEN },
  }
}

function parseKeyList(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of (value ?? '').split(',').filter(Boolean)) {
    const [chat, key] = pair.split('=')
    if (!chat || !key)
      throw new ConfigError(`invalid WECOM_WEBHOOK_KEYS entry "${pair}": expected chatId=key`)
    out[chat.trim()] = key.trim()
  }
  return out
}

function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
  } catch {
    throw new ConfigError(`invalid DEFAULT_TIMEZONE "${zone}": expected an IANA zone such as Asia/Shanghai`)
  }
}
