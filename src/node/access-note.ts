import { type AppConfig, isLoopback } from '../config.ts'

/** What the start-up log says about who can reach the server: always what is true of this bind. */
export function accessNote(config: Pick<AppConfig, 'host' | 'apiToken' | 'allowInsecure'>): string {
  const where = isLoopback(config.host)
    ? `${config.host} only (this machine)`
    : `${config.host} (the network)`
  if (config.apiToken) return `listening on ${where}; /api requires the bearer token (CRM_API_TOKEN)`
  if (isLoopback(config.host))
    return `listening on ${where}; CRM_API_TOKEN is not set, so /api is open to local callers`
  return `INSECURE: listening on ${where} without CRM_API_TOKEN because ALLOW_INSECURE=1; anyone who can reach it can use /api`
}
