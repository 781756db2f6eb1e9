import { interactionLabel, moneyLabel, sentimentLabel, stageLabel } from '../chat/labels.ts'
import type { Actor } from '../crm/crm-context.ts'
import type { CustomerRow } from '../crm/customers.ts'
import type { customerPage } from './dashboard-data.ts'
import { Layout, langOf, tr } from './dashboard-layout.tsx'

/** `/dashboard/customers?q=`: the customers the actor may see, searchable by name. */
export function CustomerListPage(props: { actor: Actor; q: string; customers: CustomerRow[] }) {
  const lang = langOf(props.actor)
  return (
    <Layout actor={props.actor} title={tr(lang, '客户', 'Customers')} path="/dashboard/customers">
      <form class="search" method="get" action="/dashboard/customers">
        <input name="q" value={props.q} placeholder={tr(lang, '搜索客户名', 'Search by name')} />{' '}
        <button type="submit">{tr(lang, '搜索', 'Search')}</button>
      </form>
      <table>
        <tbody>
          {props.customers.map((c) => (
            <tr>
              <td>
                <a href={`/dashboard/customers/${c.id}`}>{c.name}</a>
              </td>
              <td class="muted">{c.industry ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.customers.length === 0 && (
        <p class="muted">{tr(lang, '没有找到客户。', 'No customers found.')}</p>
      )}
    </Layout>
  )
}

type CustomerPageData = Awaited<ReturnType<typeof customerPage>>

/** `/dashboard/customers/:id`: the customer's deals, sentiment and interaction timeline. */
export function CustomerPage(props: { actor: Actor; page: CustomerPageData }) {
  const lang = langOf(props.actor)
  const { customer, deals, timeline, sentiment } = props.page
  return (
    <Layout actor={props.actor} title={customer.name} path="/dashboard/customers">
      <p class="muted">
        {tr(lang, '负责人', 'Owner')}: {customer.ownerName ?? '—'}
        {customer.industry ? ` · ${customer.industry}` : ''}
      </p>
      <p class="sentiment">
        {(['positive', 'neutral', 'negative'] as const).map((s) => (
          <span class="pill">
            {sentimentLabel(s, lang)} {sentiment[s]}
          </span>
        ))}
      </p>
      <h2>{tr(lang, '商机', 'Deals')}</h2>
      <ul>
        {deals.map((d) => (
          <li>
            {d.title} · {moneyLabel(d.amount, d.currency, lang)} · {stageLabel(d.stage, lang)}
          </li>
        ))}
      </ul>
      <h2>{tr(lang, '跟进记录', 'Timeline')}</h2>
      <ol class="timeline">
        {timeline.map((i) => (
          <li class={i.sentiment ?? ''}>
            <div class="muted">
              {i.occurredLocal} · {interactionLabel(i.type, lang)} · {i.authorName ?? '—'}
              {i.sentiment ? ` · ${sentimentLabel(i.sentiment, lang)}` : ''}
            </div>
            <div>{i.summary}</div>
          </li>
        ))}
      </ol>
      {timeline.length === 0 && <p class="muted">{tr(lang, '还没有跟进记录。', 'No interactions yet.')}</p>}
    </Layout>
  )
}
