import { type AppConfig, parseConfig } from '../config.ts'
import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { actorFromUser, ensureUser, ensureWorkspace, setUserRole } from '../crm/users.ts'
import type { CrmDb } from '../db/database.ts'
import { openDatabase } from '../node/open-database.ts'

/** What a data command runs with: the configured database, and an admin acting for whoever runs `crm`. */
export interface CliContext {
  config: AppConfig
  db: CrmDb
  crm: CrmContext
  actor: Actor
}

/**
 * Opens the configured database, runs `run`, and closes it. The command acts in `workspace`
 * (`platform:id`, default the web chat's `web:local`) as its `cli` user, an admin: whoever holds the
 * server's files already holds all of its data.
 */
export async function withCliContext<T>(
  workspace: string | undefined,
  run: (context: CliContext) => Promise<T>,
): Promise<T> {
  const config = parseConfig(process.env)
  const { db, close } = await openDatabase(config.database)
  try {
    const crm = { db, now: () => new Date() }
    const [platform = 'web', ...rest] = (workspace ?? 'web:local').split(':')
    const externalId = rest.join(':') || 'local'
    const ws = await ensureWorkspace(crm, platform, externalId)
    let user = await ensureUser(crm, ws.id, 'cli', { displayName: 'CLI' }, config.defaultTimeZone)
    if (user.role !== 'admin') user = await setUserRole(crm, null, user, 'admin')
    return await run({ config, db, crm, actor: actorFromUser(user) })
  } finally {
    close()
  }
}

/** Writes one line to stdout and waits until it is flushed (a command's exit must not cut it off). */
export function printLine(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(`${text}\n`, (error) => (error ? reject(error) : resolve())),
  )
}
