export const CRM_ERROR_CODES = ['not_found', 'forbidden', 'invalid', 'conflict'] as const
export type CrmErrorCode = (typeof CRM_ERROR_CODES)[number]

/**
 * An expected failure of a CRM operation; the HTTP edge maps `code` to 404/403/400/409. `field` names the
 * request field at fault (`owner_id`, `currency`) when there is one, and is sent back in the JSON error.
 */
export class CrmError extends Error {
  override name = 'CrmError'
  constructor(
    readonly code: CrmErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}
