import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { CrmError } from '../crm/crm-error.ts'
import { actorFromUser, ensureUser, ensureWorkspace, findUser, setUserRole } from '../crm/users.ts'

/** The workspace the web chat and an unqualified API call work in. */
export const LOCAL_WORKSPACE = { platform: 'web', externalId: 'local' }

/**
 * Who an API call acts as. `X-CRM-Workspace: platform:id` picks the workspace (default the local web one);
 * `X-CRM-User: <platform user id>` acts as that user, with their permissions; without it the call acts as the
 * workspace's `api` integration user, an admin, since the bearer token already grants full access.
 */
export async function resolveApiActor(
  crm: CrmContext,
  headers: { workspace?: string | undefined; user?: string | undefined },
  defaultTimeZone: string,
): Promise<Actor> {
  const [platform, ...rest] = (
    headers.workspace ?? `${LOCAL_WORKSPACE.platform}:${LOCAL_WORKSPACE.externalId}`
  ).split(':')
  const externalId = rest.join(':')
  if (!platform || !externalId) {
    throw new CrmError(
      'invalid',
      `X-CRM-Workspace "${headers.workspace}" should look like "slack:T123" or "web:local"`,
    )
  }
  const workspace = await ensureWorkspace(crm, platform, externalId)
  if (headers.user) {
    const user = await findUser(crm, workspace.id, headers.user)
    if (!user)
      throw new CrmError(
        'forbidden',
        `X-CRM-User "${headers.user}" is not a user of ${platform}:${externalId}`,
      )
    return actorFromUser(user)
  }
  let integration = await ensureUser(crm, workspace.id, 'api', { displayName: 'API' }, defaultTimeZone)
  if (integration.role !== 'admin') integration = await setUserRole(crm, null, integration, 'admin')
  return actorFromUser(integration)
}
