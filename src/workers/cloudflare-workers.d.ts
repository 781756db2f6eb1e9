/**
 * The few Workers runtime types the entry point uses. `@cloudflare/workers-types` would redeclare `fetch`,
 * `Request` and `Response` over the DOM and Node ones the rest of the project compiles against, so the
 * Workers path declares only what it touches.
 */

/** A D1 binding (`[[d1_databases]]` in wrangler.toml); drizzle-orm/d1 takes it as it is. */
interface D1Database {
  prepare(query: string): unknown
  batch(statements: unknown[]): Promise<unknown[]>
  exec(query: string): Promise<unknown>
}

/** What Workers hands the `scheduled` handler of a Cron Trigger. */
interface ScheduledController {
  readonly scheduledTime: number
  readonly cron: string
  noRetry(): void
}

/** The third argument of every Workers handler. */
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void
  passThroughOnException(): void
  props: unknown
}
