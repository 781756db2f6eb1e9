import { describe, expect, it } from 'vitest'
import { extractSentiment } from '../../src/understand/extract-sentiment.ts'

const read = (text: string) => extractSentiment(text)

describe('extractSentiment', () => {
  it.each([
    ['他对我们的报价挺满意', 'positive'],
    ['很满意', 'positive'],
    ['对新品很感兴趣', 'positive'],
    ['she loved the demo', 'positive'],
    ['really happy with the results', 'positive'],
    ['不太满意', 'negative'],
    ['不是很满意', 'negative'],
    ['对方态度冷淡', 'negative'],
    ['预算砍了,项目可能要黄', 'negative'],
    ['投诉交付延期,情绪很大', 'negative'],
    ['not happy', 'negative'],
    ['not great', 'negative'],
    ['not very interested', 'negative'],
    ['he wasn’t happy with the delay', 'negative'],
    ['budget frozen until Q2, not great', 'negative'],
    ['有200万预算,但是担心交付周期', 'negative'],
    ['waiting for feedback', 'neutral'],
    ['对方说下周给反馈', 'neutral'],
  ])('%s → %s', (text, sentiment) => {
    expect(read(text).sentiment).toBe(sentiment)
  })

  it('scores degree: 很满意 above 满意 above 基本认可', () => {
    const strong = read('很满意').score
    const plain = read('满意').score
    const weak = read('基本认可').score
    expect(strong).toBeGreaterThan(plain)
    expect(plain).toBeGreaterThan(weak)
    expect(strong).toBeGreaterThan(0.7)
  })

  it('negation of a negative word turns mildly positive', () => {
    expect(read('并不担心').score).toBeGreaterThan(0)
  })

  it('stays within [-1, 1] and reports no hits for plain text', () => {
    const many = read('非常满意非常满意非常满意非常满意非常满意')
    expect(many.score).toBeLessThanOrEqual(1)
    expect(read('明天下午开会').hits).toBe(0)
  })
})
