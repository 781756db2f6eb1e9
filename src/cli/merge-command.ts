import { parseArgs } from 'node:util'
import { eq } from 'drizzle-orm'
import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { CrmError } from '../crm/crm-error.ts'
import { mergeCustomers, undoMerge } from '../crm/customer-merge.ts'
import { matchCustomer } from '../crm/customers.ts'
import { customers } from '../db/schema.ts'
import { printLine, withCliContext } from './cli-context.ts'

/** `crm merge <from> <into>` merges one customer (name or id) into another; `--undo <merge id>` undoes. */
export async function mergeCommand(options: {
  from?: string | undefined
  into?: string | undefined
  undo?: string | undefined
  workspace?: string | undefined
}): Promise<number> {
  return withCliContext(options.workspace, async ({ crm, actor }) => {
    if (options.undo) {
      const undone = await undoMerge(crm, actor, options.undo)
      await printLine(`merge ${undone.id} undone: customer ${undone.mergedId} restored with its records`)
      return 0
    }
    if (!options.from || !options.into) throw new CrmError('invalid', 'merge needs <from> and <into>')
    const from = await customerNamed(crm, actor, options.from)
    const into = await customerNamed(crm, actor, options.into)
    const merge = await mergeCustomers(crm, actor, { survivorId: into.id, mergedId: from.id })
    const moved = Object.entries(merge.moved)
      .filter(([key]) => key !== 'createdAliases')
      .map(([key, ids]) => `${ids.length} ${key}`)
      .join(', ')
    await printLine(
      `merged 「${from.name}」 into 「${into.name}」: moved ${moved}\nundo with: crm merge --undo ${merge.id}`,
    )
    return 0
  })
}

/** A customer by id, or by a name that matches exactly one: a merge is never made on a guess. */
export async function customerNamed(crm: CrmContext, actor: Actor, text: string) {
  const [byId] = await crm.db.select().from(customers).where(eq(customers.id, text))
  if (byId) return byId
  const match = await matchCustomer(crm, actor, text)
  if (match.kind === 'found') return match.customer
  const options =
    match.kind === 'ambiguous'
      ? `; did you mean ${match.options.map((o) => `「${o.name}」 (${o.id})`).join(', ')}?`
      : ''
  throw new CrmError('not_found', `no customer named exactly 「${text}」${options}`)
}

export async function runMergeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { undo: { type: 'string' }, workspace: { type: 'string' } },
  })
  const [from, into] = positionals
  if (!values.undo && (!from || !into)) {
    process.stderr.write('usage: crm merge <from> <into>   |   crm merge --undo <merge id>\n')
    return 2
  }
  try {
    return await mergeCommand({ from, into, ...values })
  } catch (error) {
    if (!(error instanceof CrmError)) throw error
    process.stderr.write(`${error.message}\n`)
    return 1
  }
}
