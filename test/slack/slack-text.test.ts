import { describe, expect, it } from 'vitest'
import { escapeMrkdwn, slackTextToPlain } from '../../bots/slack/slack-text.ts'

describe('slackTextToPlain', () => {
  it('keeps user mentions, which the core reads, and unwraps links, emails, channels and specials', () => {
    expect(slackTextToPlain('<@U0BOT> role <@U123|li> manager')).toBe('<@U0BOT> role <@U123|li> manager')
    expect(
      slackTextToPlain(
        'mail <mailto:zhang@huawei.com|zhang@huawei.com> or <tel:+8613800138000|138 0013 8000>',
      ),
    ).toBe('mail zhang@huawei.com or 138 0013 8000')
    expect(slackTextToPlain('see <https://acme.com> and <https://x.io/a|the deck>')).toBe(
      'see https://acme.com and the deck',
    )
    expect(slackTextToPlain('in <#C123|sales> <!here>')).toBe('in #sales @here')
  })

  it('decodes the three entities Slack escapes, after links, so typed brackets stay text', () => {
    expect(slackTextToPlain('R&amp;D said 5 &lt; 7 &gt; 3 &amp;lt;')).toBe('R&D said 5 < 7 > 3 &lt;')
  })
})

describe('escapeMrkdwn', () => {
  it('escapes what Slack would read as markup', () => {
    expect(escapeMrkdwn('A&B <@U1> <!channel>')).toBe('A&amp;B &lt;@U1&gt; &lt;!channel&gt;')
  })
})
