import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { z } from 'zod'

/**
 * The self-built app's XML. Values stay strings (`parseTagValue: false`): a MsgId such as
 * 4561255354251345929 is past 2^53 and would lose digits as a number. Entities are left alone in the outer
 * envelope, which is read before its signature is checked; the inner message is WeCom's own, decrypted.
 */
const envelopeParser = new XMLParser({ parseTagValue: false, processEntities: false, trimValues: true })
const messageParser = new XMLParser({ parseTagValue: false, trimValues: true })

/** `<xml><ToUserName/><Encrypt/><AgentID/></xml>`: what WeCom POSTs. */
export const EnvelopeXml = z.object({
  Encrypt: z.string().min(1),
  ToUserName: z.string().optional(),
  AgentID: z.string().optional(),
})
export type EnvelopeXml = z.infer<typeof EnvelopeXml>

const base = {
  ToUserName: z.string(),
  FromUserName: z.string().min(1),
  CreateTime: z.string().regex(/^\d+$/),
  AgentID: z.string().optional(),
}

/** The decrypted messages and events the app acts on; anything else is acknowledged and dropped. */
export const AppCallbackXml = z.discriminatedUnion('MsgType', [
  z.object({ ...base, MsgType: z.literal('text'), Content: z.string(), MsgId: z.string().min(1) }),
  z.object({
    ...base,
    MsgType: z.literal('event'),
    Event: z.string(),
    EventKey: z.string().optional(),
    TaskId: z.string().optional(),
    ResponseCode: z.string().optional(),
  }),
])
export type AppCallbackXml = z.infer<typeof AppCallbackXml>

/** Parses the POSTed envelope; null for anything that is not well-formed XML with an `<Encrypt>`. */
export function parseEnvelopeXml(body: string): EnvelopeXml | null {
  const root = parseRoot(envelopeParser, body)
  const parsed = EnvelopeXml.safeParse(root)
  return parsed.success ? parsed.data : null
}

/** Parses a decrypted callback; `unsupported` for well-formed XML of a type the app ignores (images…). */
export function parseAppCallbackXml(
  plaintext: string,
): { ok: true; value: AppCallbackXml } | { ok: false; unsupported: boolean } {
  const root = parseRoot(messageParser, plaintext)
  if (!root) return { ok: false, unsupported: false }
  const parsed = AppCallbackXml.safeParse(root)
  if (parsed.success) return { ok: true, value: parsed.data }
  const type = (root as { MsgType?: unknown }).MsgType
  return { ok: false, unsupported: typeof type === 'string' && type !== 'text' && type !== 'event' }
}

function parseRoot(parser: XMLParser, text: string): Record<string, unknown> | null {
  if (XMLValidator.validate(text) !== true) return null
  try {
    const doc = parser.parse(text) as { xml?: unknown }
    return doc.xml && typeof doc.xml === 'object' ? (doc.xml as Record<string, unknown>) : null
  } catch {
    return null
  }
}
