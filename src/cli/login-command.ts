import { and, eq } from 'drizzle-orm'
import { createSignInToken, signInBaseUrl, signInUrl } from '../auth/sign-in-tokens.ts'
import { parseConfig } from '../config.ts'
import { ensureUser, ensureWorkspace, findUserByHandle } from '../crm/users.ts'
import { workspaces } from '../db/schema.ts'
import { openDatabase } from '../node/open-database.ts'
import { stripControlCharacters } from '../text/clean-text.ts'

/**
 * `crm login <user> [--workspace platform:id]`: prints a one-time web sign-in link (15 minutes, single use)
 * for a user, run by whoever holds the server. In the local web workspace a new name becomes a new user;
 * elsewhere the user must have talked to the bot.
 */
export async function runLoginCommand(args: string[]): Promise<number> {
  const workspaceAt = args.indexOf('--workspace')
  const workspaceArg = workspaceAt >= 0 ? args[workspaceAt + 1] : undefined
  const handle = stripControlCharacters(
    args.filter((a, i) => !a.startsWith('--') && (workspaceAt < 0 || i !== workspaceAt + 1))[0] ?? '',
  ).trim()
  const [platform = '', ...rest] = (workspaceArg ?? 'web:local').split(':')
  const externalId = rest.join(':')
  if (!handle || !platform || !externalId) {
    process.stderr.write('usage: crm login <user> [--workspace web:local|slack:T123|wecom:corpid]\n')
    return 2
  }
  const config = parseConfig(process.env)
  const { db, close } = await openDatabase(config.database)
  try {
    const crm = { db, now: () => new Date() }
    const isLocal = platform === 'web' && externalId === 'local'
    const [existing] = await db
      .select()
      .from(workspaces)
      .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)))
    const workspace = existing ?? (isLocal ? await ensureWorkspace(crm, platform, externalId) : undefined)
    let user = workspace ? await findUserByHandle(crm, workspace.id, handle) : undefined
    if (!user && workspace && isLocal)
      user = await ensureUser(crm, workspace.id, handle, { displayName: handle }, config.defaultTimeZone)
    if (!user) {
      process.stderr.write(`no user "${handle}" in workspace ${platform}:${externalId}\n`)
      return 1
    }
    const token = await createSignInToken(crm, user)
    process.stdout.write(`${signInUrl(signInBaseUrl(config), token)}\n`)
    process.stderr.write(`one-time sign-in link for ${user.displayName}, valid 15 minutes\n`)
    return 0
  } finally {
    close()
  }
}
