import { eq } from 'drizzle-orm'
import { type CustomerRow, findOrCreateCustomer, getCustomer, matchCustomer } from '../../crm/customers.ts'
import { newId } from '../../db/database.ts'
import { pendingChoices, users } from '../../db/schema.ts'
import type { Reply } from '../chat-message.ts'
import type { CustomerChoiceData } from '../reply-data.ts'
import { type IntentContext, t } from './intent-context.ts'

export type ResolvedCustomer =
  | { kind: 'ok'; customer: CustomerRow; created: boolean }
  | { kind: 'reply'; reply: Reply }

/**
 * The customer a message is about. A known name is used; a name close to several is a question (never a
 * guess); an unknown name is created when `createIfMissing`, and the reply says so.
 */
export async function resolveCustomer(
  context: IntentContext,
  options: { createIfMissing: boolean },
): Promise<ResolvedCustomer> {
  const { crm, actor, parsed, lang } = context
  if (context.chosenCustomerId) {
    return { kind: 'ok', customer: await getCustomer(crm, actor, context.chosenCustomerId), created: false }
  }
  const name = context.createCustomerName ?? parsed.customer
  if (!name) {
    return {
      kind: 'reply',
      reply: answer(
        t(
          lang,
          '是哪个客户?请带上客户名再发一次。',
          'Which customer? Please send it again with the customer name.',
        ),
        parsed.intent,
      ),
    }
  }
  if (context.createCustomerName) {
    return { kind: 'ok', ...(await findOrCreateCustomer(crm, actor, { name })) }
  }
  const match = await matchCustomer(crm, actor, name)
  switch (match.kind) {
    case 'found':
      return { kind: 'ok', customer: match.customer, created: false }
    case 'forbidden': {
      const [owner] = match.customer.ownerUserId
        ? await crm.db
            .select({ name: users.displayName })
            .from(users)
            .where(eq(users.id, match.customer.ownerUserId))
        : []
      const who = owner?.name ?? t(lang, '其他同事', 'a colleague')
      return {
        kind: 'reply',
        reply: answer(
          t(
            lang,
            `「${match.customer.name}」已由 ${who} 跟进,如需协作请联系你的经理。`,
            `${match.customer.name} is owned by ${who}; ask your manager to share it.`,
          ),
          parsed.intent,
        ),
      }
    }
    case 'ambiguous':
      return {
        kind: 'reply',
        reply: await askWhichCustomer(context, name, match.options, options.createIfMissing && !match.exact),
      }
    case 'not_found':
      if (!options.createIfMissing) {
        return {
          kind: 'reply',
          reply: answer(
            t(lang, `没有找到客户「${name}」。`, `No customer called "${name}" found.`),
            parsed.intent,
          ),
        }
      }
      return { kind: 'ok', ...(await findOrCreateCustomer(crm, actor, { name })) }
  }
}

async function askWhichCustomer(
  context: IntentContext,
  name: string,
  options: CustomerRow[],
  offerCreate: boolean,
): Promise<Reply> {
  const { crm, actor, message, lang } = context
  const choiceId = newId()
  const choices = options.map((c) => ({ id: c.id, name: c.name }))
  await crm.db.insert(pendingChoices).values({
    id: choiceId,
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    chatId: message.chatId,
    inboundMessageId: message.id,
    options: offerCreate ? [...choices, { id: 'new', name }] : choices,
    createdAt: crm.now(),
  })
  const list = choices.map((c, i) => `${i + 1}. ${c.name}`).join('\n')
  const createLine = offerCreate
    ? `\n${choices.length + 1}. ${t(lang, `新建客户「${name}」`, `Create new customer "${name}"`)}`
    : ''
  const question = t(
    lang,
    `「${name}」可能是以下哪个客户?回复序号选择:`,
    `Which customer do you mean by "${name}"? Reply with a number:`,
  )
  const data: CustomerChoiceData = { question, name, options: choices }
  return {
    text: `${question}\n${list}${createLine}`,
    intent: 'choice',
    data: data as unknown as Record<string, unknown>,
    actions: [
      ...choices.map((c) => ({
        action: 'choose_customer' as const,
        label: c.name,
        value: { choiceId, customerId: c.id },
      })),
      ...(offerCreate
        ? [
            {
              action: 'create_customer' as const,
              label: t(lang, `新建「${name}」`, `New "${name}"`),
              value: { choiceId },
            },
          ]
        : []),
    ],
  }
}

/** A customer the bot cannot act on answers under the intent that was asked, with nothing to render. */
function answer(text: string, intent: Reply['intent']): Reply {
  return { text, intent, data: null }
}
