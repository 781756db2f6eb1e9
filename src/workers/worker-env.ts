import { type AppConfig, ConfigError, parseConfig } from '../config.ts'

/**
 * What the Worker is given: the D1 binding (optional when the store is Turso) plus the same variables the
 * Node server reads from its environment, set as `[vars]` or with `wrangler secret put`.
 */
export interface WorkerEnv {
  DB?: D1Database
  [name: string]: unknown
}

/** Where the Worker keeps its data: the bound D1 database, or a remote libSQL (Turso) database. */
export type WorkerStore =
  | { kind: 'd1'; binding: D1Database }
  | { kind: 'libsql'; url: string; authToken: string | undefined }

/** The Worker's parsed configuration: the app's `AppConfig` and the store it runs on. */
export interface WorkerConfig {
  config: AppConfig
  store: WorkerStore
}

const REMOTE_LIBSQL = /^(libsql|https|wss?):\/\//

/**
 * Parses the Worker's bindings once per isolate. A `DATABASE_URL` of `libsql://`, `https://` or `wss://`
 * selects Turso (it wins over a D1 binding, so one wrangler.toml serves both); otherwise the `DB` binding is
 * the store. Throws `ConfigError` naming what is missing or wrong.
 */
export function parseWorkerEnv(env: WorkerEnv): WorkerConfig {
  const vars: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') vars[name] = value
  const config = parseConfig(vars)
  const url = vars.DATABASE_URL?.trim()
  if (url) {
    if (!REMOTE_LIBSQL.test(url))
      throw new ConfigError(
        `invalid DATABASE_URL "${url}" on Workers: expected libsql://, https:// or wss:// (a Worker has no files); or unset it and bind D1 as DB`,
      )
    return { config, store: { kind: 'libsql', url, authToken: config.database.authToken } }
  }
  if (!env.DB)
    throw new ConfigError(
      'no database for the Worker: bind a D1 database as DB in wrangler.toml, or set DATABASE_URL to a libsql:// URL',
    )
  return { config, store: { kind: 'd1', binding: env.DB } }
}
