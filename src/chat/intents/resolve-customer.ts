import { eq } from 'drizzle-orm'
import { type CustomerRow, findOrCreateCustomer, getCustomer, matchCustomer } from '../../crm/customers.ts'
import { users } from '../../db/schema.ts'
import { looksLikeOrganisation } from '../../understand/organisation-name.ts'
import type { Reply } from '../chat-message.ts'
import { askToConfirm } from '../confirm/ask-confirmation.ts'
import type { CustomerChoiceData } from '../reply-data.ts'
import { type IntentContext, t } from './intent-context.ts'

export type ResolvedCustomer =
  | { kind: 'ok'; customer: CustomerRow; created: boolean }
  | { kind: 'reply'; reply: Reply }

/** A colleague's customer the actor may not read (`private` mode), when the caller asked for it. */
export type ForeignCustomer = { kind: 'foreign'; customer: CustomerRow; ownerName: string }

/**
 * The customer a message is about. A known name is used; a name close to several is a question (never a
 * guess); an unknown name is created when `createIfMissing`, and the reply says so.
 */
export async function resolveCustomer(
  context: IntentContext,
  options: { createIfMissing: boolean; allowForeign: true },
): Promise<ResolvedCustomer | ForeignCustomer>
export async function resolveCustomer(
  context: IntentContext,
  options: { createIfMissing: boolean },
): Promise<ResolvedCustomer>
export async function resolveCustomer(
  context: IntentContext,
  options: { createIfMissing: boolean; allowForeign?: boolean },
): Promise<ResolvedCustomer | ForeignCustomer> {
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
      if (options.allowForeign) return { kind: 'foreign', customer: match.customer, ownerName: who }
      const me = actor.displayName
      return {
        kind: 'reply',
        reply: answer(
          t(
            lang,
            `「${match.customer.name}」由 ${who} 负责。请 ${who} 或管理员发送「把${me}加为${match.customer.name}的协作人」与你共享。`,
            `${match.customer.name} is owned by ${who}. Ask ${who} or an admin to send "add ${me} as collaborator on ${match.customer.name}".`,
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
      // `量最多`, `Anyone`, `lookup`: a name the parser is unsure is an organisation is never created silently.
      if (!context.confirmed && !looksLikeOrganisation(name, context.text)) {
        const question = t(
          lang,
          `「${name}」是一个新客户吗?确认后新建并记录。`,
          `Is "${name}" a new customer? Confirm to create it and save this.`,
        )
        return {
          kind: 'reply',
          reply: await askToConfirm(context, {
            question,
            options: [{ label: t(lang, '确认', 'Confirm'), write: { parsed, createCustomerName: name } }],
          }),
        }
      }
      return { kind: 'ok', ...(await findOrCreateCustomer(crm, actor, { name })) }
  }
}

/**
 * Asks which of several customers was meant, as a pending confirmation whose options act on each one (and on
 * a new customer when `offerCreate`). The buttons keep their own names, `choose_customer` and
 * `create_customer`, so platforms show them as a list of customers.
 */
async function askWhichCustomer(
  context: IntentContext,
  name: string,
  options: CustomerRow[],
  offerCreate: boolean,
): Promise<Reply> {
  const { parsed, lang } = context
  const choices = options.map((c) => ({ id: c.id, name: c.name }))
  // One candidate (`华为` ~ `华为技术有限公司`) is a yes/no question; the user, not the score, decides.
  const [only] = choices
  const question =
    choices.length === 1 && only && offerCreate
      ? t(lang, `是不是「${only.name}」?回复序号选择:`, `Did you mean "${only.name}"? Reply with a number:`)
      : t(
          lang,
          `「${name}」可能是以下哪个客户?回复序号选择:`,
          `Which customer do you mean by "${name}"? Reply with a number:`,
        )
  const asked = await askToConfirm(context, {
    question,
    kind: 'choice',
    options: [
      ...choices.map((c) => ({ label: c.name, write: { parsed, customerId: c.id } })),
      ...(offerCreate
        ? [
            {
              label: t(lang, `新建客户「${name}」`, `Create new customer "${name}"`),
              write: { parsed, createCustomerName: name },
            },
          ]
        : []),
    ],
  })
  const choiceId = String((asked.data as { id: string }).id)
  const data: CustomerChoiceData = { question, name, options: choices }
  return {
    ...asked,
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
