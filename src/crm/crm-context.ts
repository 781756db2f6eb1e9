import type { CrmDb } from '../db/database.ts'
import type { Role } from '../db/schema.ts'

/** What every CRM operation needs: the database and the clock (tests pass a fixed one). */
export interface CrmContext {
  db: CrmDb
  now: () => Date
}

/** The user on whose behalf an operation runs; permissions are decided from this. */
export interface Actor {
  userId: string
  workspaceId: string
  role: Role
  teamId: string | null
  displayName: string
  timeZone: string
  locale: string
}
