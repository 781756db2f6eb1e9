import { describe, expect, it } from 'vitest'
import { extractAmount } from '../../src/understand/extract-amount.ts'

describe('extractAmount', () => {
  it.each([
    ['他们明年有200万预算', 2_000_000, 'CNY'],
    ['1.2亿的大单', 120_000_000, 'CNY'],
    ['30w', 300_000, 'CNY'],
    ['Globex moved to proposal stage, 45k', 45_000, 'CNY'],
    ['OPPO 单子金额调整为 60 万', 600_000, 'CNY'],
    ['Initech signed! $120k annual contract', 120_000, 'USD'],
    ['报价20万美元', 200_000, 'USD'],
    ['€30k', 30_000, 'EUR'],
    ['¥8,000', 8_000, 'CNY'],
    ['5000元', 5_000, 'CNY'],
    ['RMB 50万', 500_000, 'CNY'],
    ['人民币 3000', 3_000, 'CNY'],
    ['USD 20,000', 20_000, 'USD'],
    ['$1.5M', 1_500_000, 'USD'],
    ['2.5M USD', 2_500_000, 'USD'],
    ['八十万', 800_000, 'CNY'],
    ['一百五十万', 1_500_000, 'CNY'],
    ['金额 500000', 500_000, 'CNY'],
    ['从50万调整为60万', 600_000, 'CNY'],
  ])('%s → %d %s', (text, amount, currency) => {
    expect(extractAmount(text)).toMatchObject({ amount, currency })
  })

  it.each([
    '3个人',
    'Q4 forecast',
    '下午3点',
    'in 2 hours',
    '预算砍了',
    '提醒我11月30日上午9点半',
    '100台设备',
    '千万别忘了',
    'in 30m',
  ])('%s has no amount', (text) => {
    expect(extractAmount(text)).toBeNull()
  })
})
