import { execFile, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createClient } from '@libsql/client'
import { eq, sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { upsertContact } from '../../src/crm/contacts.ts'
import { createCustomer } from '../../src/crm/customers.ts'
import { eraseContact } from '../../src/crm/privacy/erase-contact.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../../src/crm/users.ts'
import { auditLog, contacts, customers, users } from '../../src/db/schema.ts'
import { backupDatabase, restoreDatabase, runDailyBackup } from '../../src/node/backup.ts'
import { openDatabase } from '../../src/node/open-database.ts'
import { createChatMessage, createTestCrm, type TestCrm } from '../support/test-crm.ts'

const run = promisify(execFile)

// Plain JS for the writer process: a customer and its contact per transaction, as fast as it can.
const WRITER = `
import { createClient } from '@libsql/client'
const db = createClient({ url: 'file:' + process.env.DB })
await db.execute('PRAGMA busy_timeout = 5000')
for (let i = 0; ; i++) {
  const id = 'w' + String(i).padStart(8, '0')
  await db.batch([
    { sql: 'insert into customers (id, workspace_id, name, normalized_name) values (?, ?, ?, ?)', args: [id, process.env.WS, '客户' + i, '客户' + i] },
    { sql: 'insert into contacts (id, workspace_id, customer_id, name, normalized_name) values (?, ?, ?, ?, ?)', args: ['k' + id, process.env.WS, id, '联系人' + i, '联系人' + i] },
  ], 'write')
}`
let t: TestCrm

beforeEach(async () => {
  t = await createTestCrm()
})
afterEach(() => t.close())

const dbFile = () => join(t.dir, 'crm.db')
/** Every byte of the database on disk: the file and whatever the WAL still holds. */
const fileBytes = (file: string) =>
  Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)))

describe('masking personal data in chat', () => {
  it('shows a phone in full in a DM and to the owner, masked to others in a group', async () => {
    await t.pipeline.handle(
      createChatMessage({ text: '今天拜访了华为的张伟,手机 138-0013-8000,邮箱 zhang.wei@huawei.com' }),
    )
    const dm = await t.pipeline.handle(createChatMessage({ text: '查一下华为' }))
    expect(JSON.stringify(dm?.data)).toContain('+8613800138000')
    const ownerInGroup = await t.pipeline.handle(
      createChatMessage({ text: '查一下华为', chatKind: 'group', chatId: 'g1' }),
    )
    expect(ownerInGroup?.text).toContain('+8613800138000')
    // bob, an admin, may see the customer, but not the full number in a group: he does not own it.
    await t.pipeline.handle(createChatMessage({ userId: 'bob', userName: 'bob', text: '帮助' }))
    await t.db.update(users).set({ role: 'admin' }).where(eq(users.platformUserId, 'bob'))
    const group = await t.pipeline.handle(
      createChatMessage({
        userId: 'bob',
        userName: 'bob',
        text: '查一下华为',
        chatKind: 'group',
        chatId: 'g1',
      }),
    )
    expect(group?.text).toContain('138****8000')
    expect(JSON.stringify(group?.data)).not.toContain('13800138000')
    expect(JSON.stringify(group?.data)).toContain('z***@huawei.com')
    const bobDm = await t.pipeline.handle(
      createChatMessage({ userId: 'bob', userName: 'bob', text: '查一下华为' }),
    )
    expect(JSON.stringify(bobDm?.data)).toContain('+8613800138000')
  })
})

describe('erasing a person', () => {
  it('leaves no trace of them in any table or in the file bytes, only a tombstone', async () => {
    await t.pipeline.handle(
      createChatMessage({ text: '今天拜访了华为的张伟,手机 138-0013-8000,邮箱 zhang.wei@huawei.com' }),
    )
    await t.pipeline.handle(createChatMessage({ text: '华为张伟说下周签约' }))
    await t.pipeline.handle(createChatMessage({ text: '查一下华为' }))
    await t.settle()
    const [zhang] = await t.db.select().from(contacts).where(eq(contacts.name, '张伟'))
    expect(zhang).toBeDefined()
    const before = fileBytes(dbFile())
    expect(before.includes(Buffer.from('张伟'))).toBe(true)

    const env = { ...process.env, DATABASE_URL: `file:${dbFile()}` }
    const { stdout } = await run('node', ['bin/crm.mjs', 'privacy', 'erase', '138 0013 8000'], { env })
    expect(stdout).toMatch(/erased contact/)

    const bytes = fileBytes(dbFile())
    for (const trace of ['张伟', '13800138000', '138-0013-8000', '0013', 'zhang.wei@huawei.com'])
      expect(bytes.includes(Buffer.from(trace)), trace).toBe(false)
    expect(await t.db.$count(contacts)).toBe(0)
    const [tombstone] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'erase'))
    expect(tombstone).toMatchObject({ entityType: 'contact', entityId: zhang?.id })
    // The customer and its notes stay, without the person in them.
    expect(await t.db.$count(customers, eq(customers.name, '华为'))).toBe(1)
  })

  it("keeps another customer's 张伟, who is another person", async () => {
    const ws = await ensureWorkspace(t.crm, 'web', 'local')
    const admin = actorFromUser(
      await ensureUser(t.crm, ws.id, 'boss', { displayName: 'boss' }, 'Asia/Shanghai'),
    )
    const huawei = await createCustomer(t.crm, admin, { name: '华为' })
    const acme = await createCustomer(t.crm, admin, { name: 'Acme' })
    const { contact } = await upsertContact(t.crm, admin, {
      customerId: huawei.id,
      name: '张伟',
      phones: ['13800138000'],
    })
    await upsertContact(t.crm, admin, { customerId: acme.id, name: '张伟', phones: ['13900139000'] })
    await eraseContact(t.crm, admin, contact.id)
    expect((await t.db.select().from(contacts)).map((c) => [c.name, c.customerId])).toEqual([
      ['张伟', acme.id],
    ])
  })
})

describe('encryption at rest', () => {
  it('leaves no plaintext customer name in the file, and the file does not open without the key', async () => {
    const file = join(t.dir, 'secret.db')
    const key = 'correct horse battery staple'
    const { db, close } = await openDatabase({ url: `file:${file}`, encryptionKey: key })
    const crm = { db, now: () => new Date() }
    const ws = await ensureWorkspace(crm, 'web', 'local')
    const admin = actorFromUser(
      await ensureUser(crm, ws.id, 'boss', { displayName: 'boss' }, 'Asia/Shanghai'),
    )
    await createCustomer(crm, admin, { name: '华为技术有限公司 PLAINTEXT-MARK' })
    close()
    const bytes = fileBytes(file)
    expect(bytes.length).toBeGreaterThan(4096)
    expect(bytes.includes(Buffer.from('PLAINTEXT-MARK'))).toBe(false)
    expect(bytes.includes(Buffer.from('华为技术'))).toBe(false)
    const noKey = createClient({ url: `file:${file}` })
    await expect(noKey.execute('select name from customers')).rejects.toThrow(/not a database|NOTADB/i)
    noKey.close()
    const again = await openDatabase({ url: `file:${file}`, encryptionKey: key })
    expect((await again.db.select().from(customers))[0]?.name).toMatch(/^华为技术/)
    // The backup of an encrypted database is encrypted with the same key.
    const copy = join(t.dir, 'secret-backup.db')
    await backupDatabase(again.db, copy)
    again.close()
    expect(readFileSync(copy).includes(Buffer.from('PLAINTEXT-MARK'))).toBe(false)
    await restoreDatabase({ url: `file:${join(t.dir, 'restored-secret.db')}`, encryptionKey: key }, copy)
  })
})

describe('backup and restore', () => {
  it('snapshots a database under writes into a consistent copy that restores', async () => {
    const ws = await ensureWorkspace(t.crm, 'web', 'local')
    await ensureUser(t.crm, ws.id, 'boss', { displayName: 'boss' }, 'Asia/Shanghai')
    // Another process writes customers with their contact, each pair in one transaction, while the backup
    // runs (libSQL runs a local statement on the calling thread, so only a second process truly overlaps).
    const writer = spawn(process.execPath, ['--input-type=module', '-e', WRITER], {
      env: { ...process.env, DB: dbFile(), WS: ws.id },
      stdio: 'ignore',
    })
    const count = async () => t.db.$count(customers)
    try {
      while ((await count()) < 50) await new Promise((r) => setTimeout(r, 20))
      const { file } = await backupDatabase(t.db, join(t.dir, 'backups', 'snap.db'))
      const atBackup = await count()
      while ((await count()) < atBackup + 50) await new Promise((r) => setTimeout(r, 20))
      await expect(backupDatabase(t.db, file)).rejects.toThrow(/already exists/)
    } finally {
      writer.kill()
    }
    const file = join(t.dir, 'backups', 'snap.db')
    const written = await count()
    const target = join(t.dir, 'restored.db')
    const { customers: restoredCount } = await restoreDatabase({ url: `file:${target}` }, file)
    const restored = await openDatabase({ url: `file:${target}` })
    const [check] = await restored.db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`)
    const orphans = await restored.db.all(
      sql`select c.id from customers c left join contacts k on k.customer_id = c.id where k.id is null`,
    )
    const inBackup = await restored.db.$count(customers)
    restored.close()
    expect(check?.integrity_check).toBe('ok')
    expect(orphans).toEqual([])
    expect(inBackup).toBe(restoredCount)
    expect(inBackup).toBeGreaterThanOrEqual(50)
    expect(inBackup).toBeLessThan(written)
  })

  it('takes one snapshot a day and keeps the newest BACKUP_KEEP', async () => {
    const dir = join(t.dir, 'daily')
    let now = new Date('2026-11-18T02:00:00Z')
    const taken: (string | null)[] = []
    for (let hour = 0; hour < 24 * 4; hour++) {
      taken.push(await runDailyBackup(t.db, { dir, keep: 2, now: () => now }))
      now = new Date(now.getTime() + 3_600_000)
    }
    expect(taken.filter(Boolean)).toHaveLength(4)
    const { listSnapshots } = await import('../../src/node/backup.ts')
    expect(listSnapshots(dir)).toEqual(['crm-20261120T020000Z.db', 'crm-20261121T020000Z.db'])
  })
})
