/**
 * Text as GBK bytes, the way Excel in China saves a CSV, without an encoder dependency: the table is the
 * platform's GBK decoder run over every two-byte code (lead 0x81–0xFE, trail 0x40–0xFE), inverted.
 * ASCII stays one byte. Throws on a character GBK cannot write.
 */
export function gbkBytes(text: string): Buffer {
  const table = gbkTable()
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x80) bytes.push(code)
    else {
      const pair = table.get(char)
      if (!pair) throw new Error(`"${char}" has no GBK code`)
      bytes.push(...pair)
    }
  }
  return Buffer.from(bytes)
}

let table: Map<string, [number, number]> | undefined

function gbkTable(): Map<string, [number, number]> {
  if (table) return table
  table = new Map()
  const decoder = new TextDecoder('gbk', { fatal: true })
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]))
        if (!table.has(char)) table.set(char, [lead, trail])
      } catch {
        // Not a code in GBK: nothing maps to it.
      }
    }
  return table
}
