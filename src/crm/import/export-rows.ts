import { and, asc, eq, gt, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { contacts, customers, deals, interactions, users } from '../../db/schema.ts'
import type { CrmContext } from '../crm-context.ts'
import { fromMinorUnits } from '../money.ts'
import type { ImportKind } from './import-columns.ts'

/** One exported record: column header → value. Headers are the Chinese ones `crm import` reads back. */
export type ExportRecord = Record<string, string | number | null>

const PAGE = 1000

/**
 * Every record of a kind in a workspace, oldest first, read a page at a time by id so an export of any
 * size runs in flat memory. Customer and owner names are written out, not ids, so the file re-imports.
 */
export async function* exportRows(
  crm: CrmContext,
  workspaceId: string,
  kind: ImportKind,
): AsyncGenerator<ExportRecord> {
  const userRows = await crm.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.workspaceId, workspaceId))
  const userName = new Map(userRows.map((u) => [u.id, u.name]))
  const owner = (id: string | null) => (id ? (userName.get(id) ?? '') : '')
  const customerName = new Map<string, string>()
  for await (const c of pages(crm, customers, customers.id, eq(customers.workspaceId, workspaceId))) {
    customerName.set(c.id, c.name)
    if (kind === 'customers')
      yield {
        客户名称: c.name,
        行业: c.industry ?? '',
        负责人: owner(c.ownerUserId),
        标签: c.tags.join(','),
        状态: c.status,
        id: c.id,
      }
  }
  const nameOf = (id: string) => customerName.get(id) ?? ''
  if (kind === 'contacts')
    for await (const c of pages(crm, contacts, contacts.id, eq(contacts.workspaceId, workspaceId)))
      yield {
        客户名称: nameOf(c.customerId),
        联系人: c.name,
        职位: c.title ?? '',
        手机: c.phones.join(','),
        邮箱: c.email ?? '',
        微信: c.wechatId ?? '',
        id: c.id,
      }
  if (kind === 'deals')
    for await (const d of pages(crm, deals, deals.id, eq(deals.workspaceId, workspaceId)))
      yield {
        客户名称: nameOf(d.customerId),
        商机: d.title,
        阶段: d.stage,
        金额: fromMinorUnits(d.amountMinor, d.currency),
        币种: d.currency,
        预计成交: d.expectedClose ?? '',
        负责人: owner(d.ownerUserId),
        id: d.id,
      }
  if (kind === 'interactions')
    for await (const i of pages(
      crm,
      interactions,
      interactions.id,
      eq(interactions.workspaceId, workspaceId),
    ))
      yield {
        客户名称: nameOf(i.customerId),
        类型: i.type,
        内容: i.rawText,
        时间: i.occurredAt.toISOString(),
        负责人: owner(i.authorUserId),
        id: i.id,
      }
}

async function* pages<T extends SQLiteTable>(
  crm: CrmContext,
  table: T,
  id: SQLiteColumn,
  where: SQL,
): AsyncGenerator<T['$inferSelect']> {
  let after = ''
  for (;;) {
    const rows = (await crm.db
      .select()
      .from(table as SQLiteTable)
      .where(and(where, gt(id, after)))
      .orderBy(asc(id))
      .limit(PAGE)) as T['$inferSelect'][]
    yield* rows
    if (rows.length < PAGE) return
    after = (rows.at(-1) as { id: string }).id
  }
}
