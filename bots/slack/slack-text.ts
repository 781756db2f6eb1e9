/**
 * Slack's message text is its own markup: `&`, `<` and `>` arrive HTML-escaped, links and emails arrive as
 * `<url|label>`. These helpers turn it into what the user typed, and our text back into safe mrkdwn.
 */

/**
 * Plain text for the parser. User mentions stay as Slack wrote them (`<@U123>`, `<@U123|li>`) because the
 * core reads them (`role <@U123|li> manager`, the bot's own leading mention); links become their label or
 * address (`<mailto:a@b.co|a@b.co>` → `a@b.co`), channels `#name`, `<!here>` `@here`.
 */
export function slackTextToPlain(text: string): string {
  // Most messages carry only the bot's own mention: nothing to rewrite.
  if (!/<[^@]|&/.test(text)) return text
  const out = text.replace(/<([^<>]*)>/g, (whole, inner: string) => {
    if (inner.startsWith('@')) return whole
    const [target = '', label] = inner.split('|', 2)
    if (target.startsWith('#')) return label ? `#${label}` : target
    if (target.startsWith('!')) return `@${label ?? target.slice(1).split('^')[0]}`
    if (label) return label
    return target.replace(/^(mailto|tel):/, '')
  })
  // Entities last: a decoded `&lt;` must not be read as the start of a link.
  return out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

/** Escapes text from users and the CRM so Slack shows it as written instead of reading it as markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Cuts text to Slack's per-field limit, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
