import { and, eq } from 'drizzle-orm'
import { parseConfig } from '../config.ts'
import { findUserByHandle, setUserRole } from '../crm/users.ts'
import { ROLES, type Role, workspaces } from '../db/schema.ts'
import { openDatabase } from '../node/open-database.ts'
import { stripControlCharacters } from '../text/clean-text.ts'
import { CliError } from './cli-error.ts'

/** `crm role <user> <rep|manager|admin> [--workspace platform:id]`: run by whoever holds the server. */
export async function runRoleCommand(
  handle: string,
  role: string,
  options: { workspace: string },
): Promise<number> {
  handle = stripControlCharacters(handle)
  if (!ROLES.includes(role as Role))
    throw new CliError(`unknown role "${role}": expected one of ${ROLES.join(', ')}`, 2)
  const [platform, ...rest] = options.workspace.split(':')
  const externalId = rest.join(':')
  if (!platform || !externalId)
    throw new CliError(`--workspace "${options.workspace}": expected platform:id such as web:local`, 2)
  const config = parseConfig(process.env)
  const { db, close } = await openDatabase(config.database)
  try {
    const crm = { db, now: () => new Date() }
    const [workspace] = await db
      .select()
      .from(workspaces)
      .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)))
    const user = workspace ? await findUserByHandle(crm, workspace.id, handle) : undefined
    if (!user) throw new CliError(`no user "${handle}" in workspace ${platform}:${externalId}`)
    const updated = await setUserRole(crm, null, user, role as Role)
    process.stdout.write(`${updated.displayName} is now ${updated.role}\n`)
    return 0
  } finally {
    close()
  }
}
