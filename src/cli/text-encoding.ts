import { createReadStream } from 'node:fs'
import { CliError } from './cli-error.ts'

/** How much of a file is read at a time when looking for its first non-ASCII bytes. */
const SNIFF_CHUNK = 64 * 1024

/**
 * The WHATWG name of a text encoding label (`gbk` → `gbk`, `UTF8` → `utf-8`), or a `CliError` naming the
 * label when `TextDecoder` knows no such encoding.
 */
export function encodingOf(label: string): string {
  try {
    return new TextDecoder(label).encoding
  } catch {
    throw new CliError(`unknown encoding "${label}" (expected e.g. utf-8, gb18030, gbk, utf-16le)`, 2)
  }
}

/**
 * The encoding a CSV file is written in: a byte-order mark says UTF-8 or UTF-16; otherwise the file is
 * UTF-8 if its first stretch of non-ASCII bytes decodes as strict UTF-8, else GB18030 (GBK's superset,
 * what Excel in China saves "CSV" as). The file is read until that stretch, at most once.
 */
export async function detectEncoding(file: string): Promise<string> {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  let first = true
  for await (const chunk of createReadStream(file, { highWaterMark: SNIFF_CHUNK }) as AsyncIterable<Buffer>) {
    if (first) {
      const bom = encodingOfBom(chunk)
      if (bom) return bom
      first = false
    }
    try {
      utf8.decode(chunk, { stream: true })
    } catch {
      return 'gb18030'
    }
    // Pure ASCII reads the same in both; the first chunk with anything else decides.
    if (chunk.some((byte) => byte >= 0x80)) return 'utf-8'
  }
  return 'utf-8'
}

function encodingOfBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

/**
 * A file's text in `encoding`, decoded chunk by chunk as it streams (a character split between chunks is
 * held over), its byte-order mark dropped. Bytes that are not valid in the encoding stop the read with a
 * `CliError` pointing at `--encoding`, rather than storing replacement characters.
 */
export async function* readText(file: string, encoding: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true })
  let offset = 0
  try {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      yield decoder.decode(chunk, { stream: true })
      offset += chunk.length
    }
    yield decoder.decode()
  } catch (error) {
    if (!(error instanceof TypeError)) throw error
    throw new CliError(
      `${file} is not valid ${encoding} (in the bytes after ${offset}); pass --encoding with the file's encoding, e.g. --encoding gb18030`,
    )
  }
}
