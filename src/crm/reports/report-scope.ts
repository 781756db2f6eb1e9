import { and, eq } from 'drizzle-orm'
import { users } from '../../db/schema.ts'
import { responsibleOwnerIds } from '../access.ts'
import type { Actor, CrmContext } from '../crm-context.ts'

/**
 * Whose records a report may read. In a direct chat, what the asker may see (rep: own; manager: team;
 * admin: all). In a group chat the bot cannot know that everyone there may see the team's records, so
 * it answers from the asker's own and says so; `narrowed` marks that.
 */
export interface ReportScope {
  /** Owner ids, or null for the whole workspace (an admin in a direct chat). */
  owners: string[] | null
  /** The rep the question named, when one was named and is within reach. */
  owner: { id: string; name: string } | null
  /** A rep was named but nobody of that name is within reach: the answer is empty, never someone else's. */
  ownerUnknown: string | null
  narrowed: boolean
}

/** `小张` for 张伟, `Tom` for Tom Lee: a short name matches a display name holding its surname or given name. */
export function nameMatches(asked: string, displayName: string): boolean {
  const a = asked.toLowerCase()
  const d = displayName.toLowerCase()
  if (a === d || d.startsWith(`${a} `) || d.endsWith(` ${a}`)) return true
  const short = /^[小老阿]([\u4e00-\u9fff])$/.exec(asked)?.[1]
  return short !== undefined && (displayName.startsWith(short) || displayName.endsWith(short))
}

/** The scope of one report for this actor in this kind of chat, with the named rep resolved. */
export async function reportScope(
  ctx: CrmContext,
  actor: Actor,
  chatKind: 'direct' | 'group',
  ownerAsked: string | null,
): Promise<ReportScope> {
  const narrowed = chatKind === 'group' && actor.role !== 'rep'
  // A report is about the work one answers for (a rep their own, a manager the team's), whatever the
  // workspace's sharing mode: a `team` workspace shares customers, not each rep's figures.
  const visible = chatKind === 'group' ? [actor.userId] : await responsibleOwnerIds(ctx, actor)
  if (!ownerAsked) return { owners: visible, owner: null, ownerUnknown: null, narrowed }
  if (ownerAsked === 'me')
    return {
      owners: [actor.userId],
      owner: { id: actor.userId, name: actor.displayName },
      ownerUnknown: null,
      narrowed,
    }
  const people = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.workspaceId, actor.workspaceId)))
  const found = people.find(
    (p) => nameMatches(ownerAsked, p.name) && (visible === null || visible.includes(p.id)),
  )
  if (!found) return { owners: [], owner: null, ownerUnknown: ownerAsked, narrowed }
  return { owners: [found.id], owner: found, ownerUnknown: null, narrowed }
}
