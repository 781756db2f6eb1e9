import type { Log, UserHints } from '../../src/chat/chat-bot.ts'
import type { SlackWeb } from './slack-web.ts'

/** Profiles change rarely; six hours keeps a renamed user or a moved time zone from lingering long. */
const TTL_MS = 6 * 60 * 60 * 1000
const MAX_ENTRIES = 10_000

/** Slack users' names, time zones and locales from `users.info`, cached per team and user. */
export interface UserDirectory {
  /** Never throws: a failed lookup is logged and the message goes on without hints. */
  hints(teamId: string, userId: string): Promise<UserHints>
}

export function createUserDirectory(web: SlackWeb, log: Log): UserDirectory {
  const cache = new Map<string, { at: number; hints: Promise<UserHints> }>()
  return {
    hints(teamId, userId) {
      const key = `${teamId}:${userId}`
      const hit = cache.get(key)
      if (hit && performance.now() - hit.at < TTL_MS) return hit.hints
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string)
      const hints = lookUp(web, teamId, userId).catch((error) => {
        log('slack.users_info_failed', { teamId, userId, error: String(error) })
        cache.delete(key)
        return {}
      })
      cache.set(key, { at: performance.now(), hints })
      return hints
    },
  }
}

async function lookUp(web: SlackWeb, teamId: string, userId: string): Promise<UserHints> {
  const client = await web.forTeam(teamId)
  // `include_locale` is off by default; the locale picks the language of the App Home.
  const { user } = await client.users.info({ user: userId, include_locale: true })
  const name = user?.profile?.display_name || user?.real_name || user?.name
  return {
    ...(name && { userName: name }),
    ...(user?.tz && { timeZone: user.tz }),
    ...(user?.locale && { locale: user.locale }),
  }
}
