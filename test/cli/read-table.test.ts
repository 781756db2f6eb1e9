import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CliError } from '../../src/cli/cli-error.ts'
import { readTable } from '../../src/cli/read-table.ts'
import { detectEncoding, encodingOf } from '../../src/cli/text-encoding.ts'
import { gbkBytes } from '../support/gbk.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-read-table-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const write = (name: string, bytes: Buffer) => {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  return file
}

async function rowsOf(file: string, encoding?: string) {
  const rows: { line: number; values: string[] }[] = []
  for await (const row of readTable(file, { encoding })()) rows.push(row)
  return rows
}

describe('reading a CSV in the encoding it was saved in', () => {
  it('builds real GBK bytes for the fixtures', () => {
    // 客 is BF CD and 户 BB A7 in GB2312/GBK; ASCII passes through.
    expect([...gbkBytes('客户,a')]).toEqual([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x61])
  })

  it('detects GBK (Excel in China) without a byte-order mark, and UTF-8 with or without one', async () => {
    const text = '客户名称,联系人,手机\n华为技术有限公司,张伟,138 0013 8000\n招商银行,李娜,\n'
    const gbk = write('gbk.csv', gbkBytes(text))
    const utf8 = write('utf8.csv', Buffer.from(text))
    const bom = write('bom.csv', Buffer.from(`\uFEFF${text}`))
    expect(await detectEncoding(gbk)).toBe('gb18030')
    expect(await detectEncoding(utf8)).toBe('utf-8')
    const expected = [
      { line: 1, values: ['客户名称', '联系人', '手机'] },
      { line: 2, values: ['华为技术有限公司', '张伟', '138 0013 8000'] },
      { line: 3, values: ['招商银行', '李娜', ''] },
    ]
    for (const file of [gbk, utf8, bom]) expect(await rowsOf(file)).toEqual(expected)
  })

  it('reads UTF-16 by its byte-order mark', async () => {
    const text = '客户名称,内容\n腾讯,谈了二期\n'
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.from(le)
    be.swap16()
    for (const file of [write('le.csv', le), write('be.csv', be)])
      expect((await rowsOf(file)).map((r) => r.values)).toEqual([
        ['客户名称', '内容'],
        ['腾讯', '谈了二期'],
      ])
  })

  it('looks past a long ASCII start, and decodes a character split between read chunks', async () => {
    // 100 KB of ASCII rows first: the first read chunk (64 KB) says nothing about the encoding.
    const ascii = `Company,Contact\n${Array.from({ length: 5000 }, (_, i) => `Acme ${i},Jane ${i}\n`).join('')}`
    // Then 80 KB of two-byte characters starting at an odd byte, so the chunk boundary at 128 KB (even)
    // falls inside one of them.
    const start = ascii.length + 5 // after 华为 (4 bytes) and the comma
    const pad = start % 2 ? '' : 'a'
    const long = '伟'.repeat(40_000)
    const file = write('long.csv', gbkBytes(`${ascii}华为${pad},${long}\n招商银行,李娜\n`))
    expect(await detectEncoding(file)).toBe('gb18030')
    const rows = await rowsOf(file)
    expect(rows.slice(-2).map((r) => r.values)).toEqual([
      [`华为${pad}`, long],
      ['招商银行', '李娜'],
    ])
  })

  it('takes a forced encoding, and stops with a hint when the bytes are not in it', async () => {
    const file = write('gbk.csv', gbkBytes('客户名称,联系人\n华为,张伟\n'))
    expect((await rowsOf(file, 'gbk'))[1]?.values).toEqual(['华为', '张伟'])
    await expect(rowsOf(file, 'utf-8')).rejects.toThrow(/not valid utf-8.*--encoding/)
    await expect(rowsOf(file, 'utf-8')).rejects.toBeInstanceOf(CliError)
    expect(encodingOf('GBK')).toBe('gbk')
    expect(() => encodingOf('klingon')).toThrow(/unknown encoding "klingon"/)
  })
})
