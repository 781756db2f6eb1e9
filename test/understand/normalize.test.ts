import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/understand/normalize-text.ts'
import { parse } from './helpers.ts'

describe('normalizeText', () => {
  it('strips bot mentions by name, a leading mention and Slack ids', () => {
    expect(normalizeText('@CRM助手 查一下华为', ['CRM助手'])).toBe('查一下华为')
    expect(normalizeText('查一下华为 @CRM助手', ['CRM助手'])).toBe('查一下华为')
    expect(normalizeText('@bot 帮助')).toBe('帮助')
    expect(normalizeText('<@U123ABC> show my reminders')).toBe('show my reminders')
    expect(normalizeText('hey <@U0XYZ|crm> find Globex')).toBe('hey find Globex')
  })

  it('folds full-width characters', () => {
    expect(normalizeText('记一下：顺丰，报价１５０万')).toBe('记一下:顺丰,报价150万')
  })

  it('parses after stripping', () => {
    expect(parse('@CRM助手 查一下比亚迪')).toMatchObject({ intent: 'lookup_customer', customer: '比亚迪' })
    expect(parse('<@U123ABC> show my reminders').intent).toBe('list_reminders')
  })
})
