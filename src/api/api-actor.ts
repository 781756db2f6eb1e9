import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { CrmError } from '../crm/crm-error.ts'
import { actorFromUser, ensureUser, ensureWorkspace, findUserByHandle, setUserRole } from '../crm/users.ts'

/** The workspace the web chat and an unqualified API call work in. */
export const LOCAL_WORKSPACE = { platform: 'web', externalId: 'local' }

/**
 * HTTP header values are bytes, so a Chinese name travels percent-encoded (`%E5%BC%A0%E4%BC%9F` for 张伟);
 * a plain ASCII value decodes to itself.
 */
export function decodeHeader(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    throw new CrmError('invalid', `${name} "${value}" is not valid percent-encoding (UTF-8, e.g. %E5%BC%A0)`)
  }
}

/**
 * Who an API call acts as. `X-CRM-Workspace: platform:id` picks the workspace (default the local web one);
 * `X-CRM-User` acts as that user, with their permissions: their CRM id, platform user id or display name,
 * percent-encoded when not ASCII. Without it the call acts as the workspace's `api` integration user, an
 * admin, since the bearer token already grants full access.
 */
export async function resolveApiActor(
  crm: CrmContext,
  headers: { workspace?: string | undefined; user?: string | undefined },
  defaultTimeZone: string,
): Promise<Actor> {
  const workspaceHeader = decodeHeader('X-CRM-Workspace', headers.workspace)
  const userHeader = decodeHeader('X-CRM-User', headers.user)
  const [platform, ...rest] = (
    workspaceHeader ?? `${LOCAL_WORKSPACE.platform}:${LOCAL_WORKSPACE.externalId}`
  ).split(':')
  const externalId = rest.join(':')
  if (!platform || !externalId) {
    throw new CrmError(
      'invalid',
      `X-CRM-Workspace "${workspaceHeader}" should look like "slack:T123", "wecom:<corp id>" or "web:local"`,
    )
  }
  const workspace = await ensureWorkspace(crm, platform, externalId)
  if (userHeader) {
    const user = await findUserByHandle(crm, workspace.id, userHeader)
    if (!user)
      throw new CrmError(
        'forbidden',
        `X-CRM-User "${userHeader}" is not a user of ${platform}:${externalId}; GET /api/v1/users lists them`,
      )
    return actorFromUser(user)
  }
  let integration = await ensureUser(crm, workspace.id, 'api', { displayName: 'API' }, defaultTimeZone)
  if (integration.role !== 'admin') integration = await setUserRole(crm, null, integration, 'admin')
  return actorFromUser(integration)
}
