import { interactionLabel } from '../chat/labels.ts'
import type { ReminderSummary } from '../chat/reply-data.ts'
import type { Actor } from '../crm/crm-context.ts'
import type { ActivityRow, StaleCustomer } from '../crm/reports/report-data.ts'
import { Layout, langOf, tr } from './dashboard-layout.tsx'

/** `/dashboard/reminders`: open reminders of everyone the actor may see. */
export function RemindersPage(props: {
  actor: Actor
  reminders: (ReminderSummary & { ownerName: string })[]
}) {
  const lang = langOf(props.actor)
  return (
    <Layout actor={props.actor} title={tr(lang, '提醒', 'Reminders')} path="/dashboard/reminders">
      <table>
        <tbody>
          {props.reminders.map((r) => (
            <tr>
              <td>{r.dueLocal}</td>
              <td>{r.text}</td>
              <td>{r.customerName ?? ''}</td>
              <td class="muted">{r.ownerName}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.reminders.length === 0 && (
        <p class="muted">{tr(lang, '没有待办提醒。', 'No open reminders.')}</p>
      )}
    </Layout>
  )
}

/** `/dashboard/activity`: this week's interactions by rep, and customers going cold. */
export function ActivityPage(props: {
  actor: Actor
  rows: ActivityRow[]
  stale: StaleCustomer[]
  chart: boolean
}) {
  const lang = langOf(props.actor)
  return (
    <Layout actor={props.actor} title={tr(lang, '团队动态', 'Team activity')} path="/dashboard/activity">
      {props.chart && (
        <img src="/dashboard/charts/owners.png" alt={tr(lang, '按负责人', 'By owner')} width="480" />
      )}
      <h2>{tr(lang, '本周跟进', 'This week')}</h2>
      <table>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>{r.owner}</td>
              <td>{r.total}</td>
              <td class="muted">
                {Object.entries(r.byType)
                  .map(([type, n]) => `${interactionLabel(type as never, lang)} ${n}`)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{tr(lang, '14 天以上未跟进', 'Not contacted for 14+ days')}</h2>
      <ul>
        {props.stale.map((c) => (
          <li>
            <a href={`/dashboard/customers/${c.id}`}>{c.name}</a> · {c.daysSilent}
            {tr(lang, ' 天', ' days')} · {c.ownerName ?? '—'}
          </li>
        ))}
      </ul>
    </Layout>
  )
}
