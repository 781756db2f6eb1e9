import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { z } from 'zod'
import { handleCommand } from './slack-commands.ts'
import type { SlackAck, SlackContext } from './slack-context.ts'
import { handleEvent } from './slack-events.ts'
import { handleInteraction } from './slack-interactions.ts'
import { Interaction, parseEventEnvelope, SlashCommand } from './slack-payloads.ts'
import type { SignedRequest } from './verify-slack-signature.ts'

const decoder = new TextDecoder()

/**
 * `POST /slack/events`, `/slack/commands`, `/slack/interactions`: each verified against the signing secret
 * (an `HTTPException` 401 when it fails), parsed (400 when it is not a payload we know), handed to the same
 * handlers Socket Mode feeds, and answered with their ack.
 */
export function createSlackEventRoutes(
  ctx: SlackContext,
  verify: (request: SignedRequest) => Promise<boolean>,
) {
  const routes = new Hono()

  /**
   * The body, once its signature checked out. The signature covers the raw bytes, so the bytes are read
   * once, verified as they are, and decoded once for parsing. A call in each handler rather than a shared
   * middleware: a middleware on `/slack/:kind{events|commands|interactions}` put a second handler on every
   * event, and its pattern made Hono drop its RegExpRouter for the slower TrieRouter across the whole app.
   */
  async function verifiedBody(c: Context): Promise<string> {
    const body = new Uint8Array(await c.req.arrayBuffer())
    const ok = await verify({
      timestamp: c.req.header('x-slack-request-timestamp'),
      signature: c.req.header('x-slack-signature'),
      body,
    })
    if (!ok) {
      ctx.deps.log('slack.bad_signature', { path: c.req.path })
      throw new HTTPException(401, { message: 'invalid Slack signature' })
    }
    return decoder.decode(body)
  }

  const reply = (ack: SlackAck) =>
    ack.body ? Response.json(ack.body, { status: ack.status }) : new Response(null, { status: ack.status })

  routes.post('/slack/events', async (c) => {
    const body = await verifiedBody(c)
    const envelope = parseJson(body, parseEventEnvelope)
    if (!envelope) throw new HTTPException(400, { message: 'not a Slack event payload' })
    const retryNum = c.req.header('x-slack-retry-num')
    return reply(
      await handleEvent(ctx, envelope, {
        num: retryNum ? Number(retryNum) : undefined,
        reason: retryNum ? c.req.header('x-slack-retry-reason') : undefined,
      }),
    )
  })

  routes.post('/slack/commands', async (c) => {
    const form = Object.fromEntries(new URLSearchParams(await verifiedBody(c)))
    // Slack checks the certificate of a command URL now and then with a signed `ssl_check=1`.
    if (form.ssl_check) return c.body(null, 200)
    const command = parse(SlashCommand, () => form)
    if (!command) throw new HTTPException(400, { message: 'not a slash command payload' })
    return reply(await handleCommand(ctx, command))
  })

  routes.post('/slack/interactions', async (c) => {
    const body = await verifiedBody(c)
    // Interactivity payloads are JSON inside a form field named `payload`.
    const payload = parse(Interaction, () => JSON.parse(new URLSearchParams(body).get('payload') ?? ''))
    if (!payload) return c.body(null, 200) // a shortcut or a view we do not use: nothing to do
    return reply(await handleInteraction(ctx, payload))
  })

  return routes
}

/** The parsed payload, or null when the body is not JSON or not the shape `read` accepts. */
function parseJson<T>(body: string, read: (value: unknown) => T | null): T | null {
  try {
    return read(JSON.parse(body))
  } catch {
    return null
  }
}

/** The parsed payload, or null when it is not JSON or not the shape we read. */
function parse<T>(schema: z.ZodType<T>, read: () => unknown): T | null {
  try {
    const parsed = schema.safeParse(read())
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
