/** Slack payloads shaped like the real ones (api.slack.com examples), with the fields that vary overridable. */

export const TEAM = 'T0CRM0001'
export const BOT_USER = 'U0BOT0001'
export const ALICE = 'U0ALICE01'
export const CHANNEL = 'C0SALES01'
export const DM = 'D0ALICE01'

let sequence = 0
const nextTs = () => `1763431200.${String(++sequence).padStart(6, '0')}`

export interface EventOptions {
  text?: string
  user?: string
  channel?: string
  ts?: string
  eventId?: string
  threadTs?: string
  botId?: string
  subtype?: string
}

function envelope(event: Record<string, unknown>, eventId?: string) {
  return {
    token: 'ZZZZZZWSxiZZZ2yIvs3peJ',
    team_id: TEAM,
    api_app_id: 'A0CRMAPP1',
    event,
    type: 'event_callback',
    event_id: eventId ?? `Ev${String(++sequence).padStart(8, '0')}`,
    event_time: 1763431200,
    authorizations: [
      { enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: '4-eyJldCI6ImFwcF9tZW50aW9uIn0',
  }
}

/** `app_mention` in a channel: the text starts with the bot's mention. */
export function appMention(options: EventOptions = {}) {
  const ts = options.ts ?? nextTs()
  return envelope(
    {
      type: 'app_mention',
      client_msg_id: crypto.randomUUID(),
      text: options.text ?? `<@${BOT_USER}> 今天给华为张总打了电话,他对报价满意`,
      user: options.user ?? ALICE,
      ts,
      team: TEAM,
      channel: options.channel ?? CHANNEL,
      event_ts: ts,
      ...(options.threadTs && { thread_ts: options.threadTs }),
      ...(options.botId && { bot_id: options.botId }),
    },
    options.eventId,
  )
}

/** A DM to the bot (`message.im`). */
export function directMessage(options: EventOptions = {}) {
  const ts = options.ts ?? nextTs()
  return envelope(
    {
      type: 'message',
      channel_type: 'im',
      text: options.text ?? '查一下华为',
      user: options.user ?? ALICE,
      ts,
      team: TEAM,
      channel: options.channel ?? DM,
      event_ts: ts,
      ...(options.botId && { bot_id: options.botId }),
      ...(options.subtype && { subtype: options.subtype }),
    },
    options.eventId,
  )
}

/** `/crm <text>` as Slack posts it (form fields). */
export function slashCommand(text: string, responseUrl: string, overrides: Record<string, string> = {}) {
  return {
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: TEAM,
    team_domain: 'acme-sales',
    channel_id: CHANNEL,
    channel_name: 'sales',
    user_id: ALICE,
    user_name: 'alice',
    command: '/crm',
    text,
    api_app_id: 'A0CRMAPP1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `13345224609.738474920.${crypto.randomUUID().replace(/-/g, '')}`,
    ...overrides,
  }
}

/** A `block_actions` payload for one pressed button of a message the bot posted. */
export function blockActions(
  button: { action_id: string; value: string },
  options: {
    responseUrl?: string
    messageTs?: string
    blocks?: unknown[]
    user?: string
    view?: boolean
  } = {},
) {
  const user = options.user ?? ALICE
  const common = {
    type: 'block_actions',
    user: { id: user, username: 'alice', name: 'alice', team_id: TEAM },
    api_app_id: 'A0CRMAPP1',
    token: '9s8d9as89d8as9d8as989',
    trigger_id: '12466734323.1395872398.abcd',
    team: { id: TEAM, domain: 'acme-sales' },
    enterprise: null,
    is_enterprise_install: false,
    actions: [
      {
        ...button,
        type: 'button',
        block_id: 'b1',
        action_ts: '1763431300.000001',
        text: { type: 'plain_text', text: 'x' },
      },
    ],
  }
  if (options.view)
    return { ...common, container: { type: 'view', view_id: 'V0HOME' }, view: { id: 'V0HOME', type: 'home' } }
  const ts = options.messageTs ?? nextTs()
  return {
    ...common,
    container: { type: 'message', message_ts: ts, channel_id: CHANNEL, is_ephemeral: false },
    channel: { id: CHANNEL, name: 'sales' },
    message: { type: 'message', ts, bot_id: 'B0CRM', text: 'x', blocks: options.blocks ?? [] },
    ...(options.responseUrl && { response_url: options.responseUrl }),
  }
}
