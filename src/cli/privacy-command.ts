import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { CrmError } from '../crm/crm-error.ts'
import { eraseContact } from '../crm/privacy/erase-contact.ts'
import { exportContactData, findContactsByHandle } from '../crm/privacy/export-contact.ts'
import { printLine, withCliContext } from './cli-context.ts'

/**
 * `crm privacy export <contact>` prints everything held about a person as JSON; `crm privacy erase
 * <contact>` erases them everywhere, then vacuums the file and truncates the WAL so the old bytes are gone
 * from disk too. `<contact>` is an id, phone, email or name; a name that fits several people is refused.
 */
export async function privacyCommand(options: {
  action: 'export' | 'erase'
  contact: string
  workspace?: string | undefined
}): Promise<number> {
  return withCliContext(options.workspace, async ({ crm, actor, db }) => {
    const found = await findContactsByHandle(crm, actor, options.contact)
    const [contact] = found
    if (!contact || found.length > 1) {
      const list = found.map((c) => `${c.name} (${c.id})`).join(', ')
      throw new CrmError(
        'conflict',
        `"${options.contact}" fits ${found.length} contacts: ${list}; give an id`,
      )
    }
    if (options.action === 'export') {
      await printLine(JSON.stringify(await exportContactData(crm, actor, contact.id), null, 2))
      return 0
    }
    const report = await eraseContact(crm, actor, contact.id)
    // Deleted rows linger in free pages and in the WAL until the file is rebuilt and the WAL emptied.
    await db.run(sql`VACUUM`)
    await db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`)
    await printLine(`erased contact ${report.contactId}: ${JSON.stringify(report.scrubbed)}`)
    return 0
  })
}

export async function runPrivacyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { workspace: { type: 'string' } },
  })
  const [action, contact] = positionals
  if ((action !== 'export' && action !== 'erase') || !contact) {
    process.stderr.write('usage: crm privacy <export|erase> <contact id, phone, email or name>\n')
    return 2
  }
  try {
    return await privacyCommand({ action, contact, workspace: values.workspace })
  } catch (error) {
    if (!(error instanceof CrmError)) throw error
    process.stderr.write(`${error.message}\n`)
    return 1
  }
}
