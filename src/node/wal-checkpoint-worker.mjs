// Runs in a worker thread: checkpoints the WAL from its own connection, so the serving thread's commits
// never stop for one. Plain JS so that the worker needs no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads'
import { createClient } from '@libsql/client'

// An encrypted file is opened with its key, or every checkpoint fails with SQLITE_NOTADB.
const client = createClient({
  url: workerData.url,
  ...(workerData.encryptionKey && { encryptionKey: workerData.encryptionKey }),
})
await client.execute('PRAGMA busy_timeout = 5000')
const timer = setInterval(async () => {
  try {
    // PASSIVE never waits for the writer: it copies what it can and leaves the rest for the next round.
    await client.execute('PRAGMA wal_checkpoint(PASSIVE)')
  } catch (error) {
    parentPort?.postMessage({ error: String(error) })
  }
}, workerData.intervalMs)
parentPort?.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer)
    client.close()
    parentPort?.close()
  }
})
