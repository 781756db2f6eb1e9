import { and, eq } from 'drizzle-orm'
import type { CrmDb } from '../../src/db/database.ts'
import { newId } from '../../src/db/database.ts'
import { platformInstallations } from '../../src/db/schema.ts'
import type { TokenVault } from './token-vault.ts'

/** What `oauth.v2.access` tells us about a new installation. */
export interface SlackInstallation {
  teamId: string
  teamName?: string | undefined
  botToken: string
  botUserId?: string | undefined
  appId?: string | undefined
  scope?: string | undefined
  enterpriseId?: string | undefined
}

/** Each workspace's bot token, sealed by the vault in `platform_installations`. */
export interface InstallationStore {
  save(installation: SlackInstallation, installedAt: Date): Promise<void>
  /** The team's bot token, or undefined when it has not installed the app. */
  botToken(teamId: string): Promise<string | undefined>
}

const PLATFORM = 'slack'
const boundTo = (teamId: string) => `${PLATFORM}:${teamId}`

export function createInstallationStore(db: CrmDb, vault: TokenVault): InstallationStore {
  return {
    async save(installation, installedAt) {
      const sealed = await vault.seal(installation.botToken, boundTo(installation.teamId))
      const data = {
        teamName: installation.teamName ?? null,
        appId: installation.appId ?? null,
        scope: installation.scope ?? null,
        enterpriseId: installation.enterpriseId ?? null,
      }
      // Reinstalling (new scopes, a new token) replaces the row: Slack revokes the old token anyway.
      await db
        .insert(platformInstallations)
        .values({
          id: newId(),
          platform: PLATFORM,
          externalId: installation.teamId,
          botUserId: installation.botUserId ?? null,
          tokenCiphertext: sealed,
          data,
          installedAt,
        })
        .onConflictDoUpdate({
          target: [platformInstallations.platform, platformInstallations.externalId],
          set: { botUserId: installation.botUserId ?? null, tokenCiphertext: sealed, data, installedAt },
        })
    },
    async botToken(teamId) {
      const [row] = await db
        .select({ sealed: platformInstallations.tokenCiphertext })
        .from(platformInstallations)
        .where(
          and(eq(platformInstallations.platform, PLATFORM), eq(platformInstallations.externalId, teamId)),
        )
      return row ? vault.open(row.sealed, boundTo(teamId)) : undefined
    },
  }
}
