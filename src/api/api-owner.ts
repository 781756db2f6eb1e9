import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { CrmError } from '../crm/crm-error.ts'
import { findUserByHandle } from '../crm/users.ts'

/**
 * The user an API body or query names as `owner`: a CRM user id, a platform user id (`U123`, `zhangwei`)
 * or a display name, within the caller's workspace. Throws `invalid` naming the value when nobody matches.
 */
export async function findOwner(crm: CrmContext, actor: Actor, handle: string, field = 'owner') {
  const user = await findUserByHandle(crm, actor.workspaceId, handle)
  if (!user)
    throw new CrmError(
      'invalid',
      `${field} "${handle}" is not a user of this workspace: expected a user id, platform user id or name from GET /api/v1/users`,
      field,
    )
  return user
}

/** The owner id for a new or patched record: `owner` (any handle) wins over `owner_id`; neither is undefined. */
export async function ownerIdFrom(
  crm: CrmContext,
  actor: Actor,
  body: { owner?: string | undefined; owner_id?: string | undefined },
): Promise<string | undefined> {
  if (body.owner) return (await findOwner(crm, actor, body.owner)).id
  if (body.owner_id) return (await findOwner(crm, actor, body.owner_id, 'owner_id')).id
  return undefined
}
