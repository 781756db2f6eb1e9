import { and, eq } from 'drizzle-orm'
import { parseConfig } from '../config.ts'
import { findUserByHandle, setUserRole } from '../crm/users.ts'
import { ROLES, type Role, workspaces } from '../db/schema.ts'
import { openDatabase } from '../node/open-database.ts'
import { stripControlCharacters } from '../text/clean-text.ts'

/** `crm role <user> <rep|manager|admin> [--workspace platform:id]`: run by whoever holds the server. */
export async function runRoleCommand(args: string[]): Promise<number> {
  const [handle, role] = args.filter((a) => !a.startsWith('--')).map(stripControlCharacters)
  const workspaceArg = args[args.indexOf('--workspace') + 1]
  if (!handle || !role || !ROLES.includes(role as Role)) {
    process.stderr.write(`usage: crm role <user> <${ROLES.join('|')}> [--workspace web:local]\n`)
    return 2
  }
  const [platform = 'web', externalId = 'local'] = (
    args.includes('--workspace') && workspaceArg ? workspaceArg : 'web:local'
  ).split(':')
  const config = parseConfig(process.env)
  const { db, close } = await openDatabase(config.database)
  try {
    const crm = { db, now: () => new Date() }
    const [workspace] = await db
      .select()
      .from(workspaces)
      .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)))
    const user = workspace ? await findUserByHandle(crm, workspace.id, handle) : undefined
    if (!user) {
      process.stderr.write(`no user "${handle}" in workspace ${platform}:${externalId}\n`)
      return 1
    }
    const updated = await setUserRole(crm, null, user, role as Role)
    process.stdout.write(`${updated.displayName} is now ${updated.role}\n`)
    return 0
  } finally {
    close()
  }
}
