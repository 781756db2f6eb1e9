import { describe, expect, it } from 'vitest'
import { readConfirmationAnswer } from '../../src/chat/confirm/confirmation-answer.ts'
import { looksLikeOrganisation } from '../../src/understand/organisation-name.ts'
import { isLongNote, maskBackground, readClauses } from '../../src/understand/read-clauses.ts'
import { describePhrasing } from './helpers.ts'

describe('clauses of a note', () => {
  it('marks background clauses and blanks them, keeping offsets', () => {
    const text = '和美的李总通了电话,可能要去深圳签约,他们希望明年3月上线,我们下周五再约一次'
    const roles = readClauses(text).map((c) => c.role)
    expect(roles).toEqual(['contact', 'background', 'background', 'next_step'])
    const masked = maskBackground(text)
    expect(masked).toHaveLength(text.length)
    expect(masked).not.toContain('上线')
    expect(masked).toContain('我们下周五再约一次')
  })

  it("keeps a competitor clause that is our own loss (`输给了竞品`) and a contact's report", () => {
    expect(readClauses('娃哈哈的单子输给了竞品')[0]?.role).not.toBe('background')
    expect(readClauses('吴经理邮件里说我们报价比友商高15%')[0]?.role).toBe('contact')
    expect(readClauses('They told us a competitor won a $2M deal last year')[0]?.role).toBe('background')
  })

  it('does not end a sentence at an abbreviation', () => {
    expect(readClauses('Wayne Ent. is in legal')).toHaveLength(1)
  })

  it('calls a note long when it has several sentences or several dates or sums', () => {
    expect(isLongNote('见了李总。下周二再聊。')).toBe(true)
    expect(isLongNote('报价200万,预算300万')).toBe(true)
    expect(isLongNote('今天给华为张总打了电话,他对报价满意,下周三跟进')).toBe(false)
  })
})

describe('organisation names', () => {
  it.each([
    ['华为', '拜访了华为', true],
    ['三一重工', '拜访了三一重工', true],
    ['Acme Corp', 'Called Acme Corp', true],
    ['Globex', 'Met with Globex today', true],
    ['量最多', '上个月拜访量最多的是老王', false],
    ['超过两周没', '哪些客户超过两周没跟进了', false],
    ['Anyone', 'Anyone up for coffee', false],
    ['lookup', 'met lookup today', false],
  ])('%s in "%s" → %s', (name, text, expected) => {
    expect(looksLikeOrganisation(name, text)).toBe(expected)
  })
})

describe('typed answers to a confirmation', () => {
  it.each([
    ['是', { kind: 'yes' }],
    ['确认', { kind: 'yes' }],
    ['yes', { kind: 'yes' }],
    ['否', { kind: 'no' }],
    ['不是', { kind: 'no' }],
    ['no', { kind: 'no' }],
    ['2', { kind: 'pick', index: 1 }],
    ['不对,是拜访', null],
    ['确认一下华为的报价', null],
  ])('%s', (text, expected) => {
    expect(readConfirmationAnswer(text)).toEqual(expected)
  })
})

describePhrasing({
  'speech acts that never write': [
    ['恭喜小王拿下比亚迪的单子🎉', { intent: 'unknown', speech_act: 'congratulation', stage: null }],
    ['老板说这季度平安必须拿下', { intent: 'unknown', stage: null }],
    ['@CRM助手 上个月拜访量最多的是谁', { intent: 'report', speech_act: 'question', customer: null }],
    ['Anyone up for coffee?', { intent: 'unknown', speech_act: 'question' }],
    ['哪些客户超过两周没跟进了', { intent: 'report', speech_act: 'question', customer: null }],
    ['华为签了吗?', { intent: 'lookup_customer', speech_act: 'question', customer: '华为', stage: null }],
    ['这个bot又记错了,太烂了', { intent: 'unknown', speech_act: 'complaint' }],
    ['@CRM助手 @小李 明天把华为的合同发给客户', { intent: 'unknown', speech_act: 'instruction' }],
    ['不对,是拜访不是电话', { intent: 'unknown', speech_act: 'correction' }],
    ["that's wrong, I didn't call Acme, I emailed them", { speech_act: 'correction' }],
  ],
  'a reported question stays a note': [
    ['和张总通了电话,他问能不能便宜点?', { intent: 'log_interaction', speech_act: 'statement' }],
  ],
  'long notes: the stage, sum and follow-up come from this contact, not the background': [
    [
      'Met with Globex today. They told us a competitor won a $2M deal in the EU last year. Our proposal for 300k is under review, follow up next Tuesday.',
      {
        intent: 'log_interaction',
        customer: 'Globex',
        stage: null,
        amount: 300000,
        due_at: '2026-11-24T09:00:00+08:00',
      },
    ],
    [
      '和美的李总通了电话,可能要去深圳签约,他们希望明年3月上线,我们下周五再约一次',
      { intent: 'log_interaction', customer: '美的', stage: null, due_at: '2026-11-27T09:00:00+08:00' },
    ],
    [
      '今天拜访了三一重工,他们的泵车产品线今年预算砍了,这块基本没戏。不过600万的MES项目看起来很有希望,下周三我们去做方案汇报。',
      { intent: 'log_interaction', customer: '三一重工', stage: null, amount: 6000000 },
    ],
  ],
  'mixed-language and idiomatic negatives': [
    ['拜访了华为,客户很不happy', { sentiment: 'negative' }],
    ['Called Acme, Bob was not happy at all', { sentiment: 'negative' }],
    ['拜访了格力,对方语气不太好', { sentiment: 'negative' }],
    ['去了趟海尔,白跑一趟', { sentiment: 'negative' }],
    ['联系了万科,他们压根没这需求', { sentiment: 'negative' }],
  ],
})
