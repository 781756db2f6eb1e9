import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/node/open-database.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-db-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const fill = async (db: Awaited<ReturnType<typeof openDatabase>>['db']) => {
  await db.run(sql`CREATE TABLE blob_rows (id INTEGER PRIMARY KEY, body TEXT)`)
  // ~4 MB through the WAL, well past SQLite's own 1,000-page checkpoint point.
  for (let i = 0; i < 40; i++) {
    await db.run(sql`INSERT INTO blob_rows (body) SELECT hex(randomblob(1000)) FROM generate_series(1, 50)`)
  }
}

describe('the database file', () => {
  it('checkpoints the WAL from a worker thread when asked, with none in the serving connection', async () => {
    const path = join(dir, 'crm.db')
    const { db, close } = await openDatabase({ url: `file:${path}`, checkpointInBackground: true })
    try {
      const [auto] = await db.all<{ wal_autocheckpoint: number }>(sql`PRAGMA wal_autocheckpoint`)
      expect(auto?.wal_autocheckpoint).toBe(0)
      await fill(db)
      // Pages reach the main file only through a checkpoint, and this connection does none.
      const deadline = Date.now() + 5000
      while (statSync(path).size < 3_000_000 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100))
      expect(statSync(path).size).toBeGreaterThan(3_000_000)
    } finally {
      close()
    }
  })

  it('keeps SQLite’s own checkpoints otherwise', async () => {
    const { db, close } = await openDatabase({ url: `file:${join(dir, 'crm.db')}` })
    try {
      const [auto] = await db.all<{ wal_autocheckpoint: number }>(sql`PRAGMA wal_autocheckpoint`)
      expect(auto?.wal_autocheckpoint).toBe(1000)
    } finally {
      close()
    }
  })
})
