import { moneyLabel, stageLabel } from '../chat/labels.ts'
import type { Actor } from '../crm/crm-context.ts'
import type { ReportResult } from '../crm/reports/report-data.ts'
import { Layout, langOf, tr } from './dashboard-layout.tsx'

type Column = Extract<ReportResult, { metric: 'deals_by_stage' }>

/** `/dashboard`: the open pipeline as a board, one column a stage. */
export function BoardPage(props: { actor: Actor; columns: Column[]; chart: boolean }) {
  const lang = langOf(props.actor)
  return (
    <Layout actor={props.actor} title={tr(lang, '销售管道', 'Pipeline board')} path="/dashboard">
      {props.chart && (
        <img src="/dashboard/charts/funnel.png" alt={tr(lang, '管道漏斗', 'Pipeline funnel')} width="480" />
      )}
      <div class="board">
        {props.columns.map((column) => (
          <section class="column" data-stage={column.stage ?? ''}>
            <h2>
              {column.stage ? stageLabel(column.stage, lang) : ''} · {column.total}
            </h2>
            {column.deals.map((deal) => (
              <div class="card">
                <a href={`/dashboard/customers/${deal.customerId}`}>{deal.customerName}</a>
                <div>{deal.title}</div>
                <div class="amount">{moneyLabel(deal.amount, deal.currency, lang)}</div>
                <div class="muted">
                  {deal.ownerName ?? '—'}
                  {deal.expectedClose ? ` · ${deal.expectedClose}` : ''}
                </div>
              </div>
            ))}
          </section>
        ))}
      </div>
    </Layout>
  )
}
