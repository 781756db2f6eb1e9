/**
 * zod schemas for the Slack payloads the bot reads. Loose objects: Slack adds fields all the time, and
 * only the ones named here matter. Shapes follow api.slack.com's Events API, slash command and
 * interactivity references.
 */
import { z } from 'zod'

const id = z.string().min(1).max(64)

/** The inner event of an `event_callback`: the three kinds the manifest subscribes to. */
export const SlackEvent = z.looseObject({
  type: z.string(),
  user: id.optional(),
  text: z.string().max(200_000).optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
  channel: id.optional(),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  /** `app_home_opened`: which tab the user opened. */
  tab: z.string().optional(),
})
export type SlackEvent = z.infer<typeof SlackEvent>

export const EventEnvelope = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('url_verification'), challenge: z.string().max(200) }),
  z.looseObject({
    type: z.literal('event_callback'),
    team_id: id,
    event_id: id,
    event: SlackEvent,
    /** Who the event was delivered for; `user_id` is the bot's own user in that workspace. */
    authorizations: z.array(z.looseObject({ user_id: z.string().optional() })).optional(),
  }),
  /** Slack stopped delivering for a minute because we answered too slowly: nothing to do but log. */
  z.looseObject({ type: z.literal('app_rate_limited'), team_id: z.string().optional() }),
])
export type EventEnvelope = z.infer<typeof EventEnvelope>
export type EventCallback = Extract<EventEnvelope, { type: 'event_callback' }>

/**
 * {@link EventEnvelope}'s parse, with the one envelope every mention and DM arrives in checked by hand
 * against the same rules first: `safeParse` costs about as much as `JSON.parse` itself and copies every
 * object, on the path that acknowledges each event. Anything the hand check does not accept (the other
 * envelope types, and every payload it would refuse) goes through the schema, which decides; so the hand
 * check only needs to accept nothing the schema refuses, and a test holds it to that.
 */
export function parseEventEnvelope(value: unknown): EventEnvelope | null {
  if (isEventCallback(value)) return value
  const parsed = EventEnvelope.safeParse(value)
  return parsed.success ? parsed.data : null
}

type Loose = Record<string, unknown>
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v)
const isId = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 64
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v)
const isString = (v: unknown) => typeof v === 'string'

function isEventCallback(v: unknown): v is EventCallback {
  if (!isObject(v) || v.type !== 'event_callback' || !isId(v.team_id) || !isId(v.event_id)) return false
  const e = v.event
  return (
    isObject(e) &&
    isString(e.type) &&
    optional(e.user, isId) &&
    optional(e.text, (t) => isString(t) && (t as string).length <= 200_000) &&
    optional(e.ts, isString) &&
    optional(e.thread_ts, isString) &&
    optional(e.channel, isId) &&
    optional(e.channel_type, isString) &&
    optional(e.subtype, isString) &&
    optional(e.bot_id, isString) &&
    optional(e.tab, isString) &&
    optional(
      v.authorizations,
      (a) => Array.isArray(a) && a.every((x) => isObject(x) && optional(x.user_id, isString)),
    )
  )
}

/** A slash command, form-encoded. */
export const SlashCommand = z.looseObject({
  team_id: id,
  team_domain: z.string().optional(),
  channel_id: id,
  channel_name: z.string().optional(),
  user_id: id,
  user_name: z.string().optional(),
  command: z.string(),
  text: z.string().max(10_000).default(''),
  response_url: z.url(),
  trigger_id: id.max(200),
})
export type SlashCommand = z.infer<typeof SlashCommand>

const Team = z.looseObject({ id }).nullish()

export const BlockActions = z.looseObject({
  type: z.literal('block_actions'),
  team: Team,
  user: z.looseObject({ id, team_id: z.string().optional(), name: z.string().optional() }),
  channel: z.looseObject({ id }).optional(),
  container: z.looseObject({
    type: z.string(),
    channel_id: z.string().optional(),
    message_ts: z.string().optional(),
    is_ephemeral: z.boolean().optional(),
  }),
  message: z.looseObject({ ts: z.string() }).optional(),
  view: z.looseObject({ id: z.string(), type: z.string() }).optional(),
  response_url: z.url().optional(),
  trigger_id: z.string(),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string().optional() })).min(1),
})
export type BlockActions = z.infer<typeof BlockActions>

export const ViewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  team: Team,
  user: z.looseObject({ id, team_id: z.string().optional() }),
  view: z.looseObject({
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.looseObject({
      values: z.record(z.string(), z.record(z.string(), z.looseObject({ value: z.string().nullish() }))),
    }),
  }),
})
export type ViewSubmission = z.infer<typeof ViewSubmission>

export const Interaction = z.discriminatedUnion('type', [BlockActions, ViewSubmission])
export type Interaction = z.infer<typeof Interaction>
