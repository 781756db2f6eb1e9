import { readFileSync } from 'node:fs'

/** The version in package.json, read from beside the source so `crm --version` needs no build step. */
export function packageVersion(): string {
  const raw = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
  return (JSON.parse(raw) as { version: string }).version
}
