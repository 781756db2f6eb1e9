import { readFileSync, readdirSync } from 'node:fs'
import { parseMessage } from '../src/understand/parse-message.ts'
const dir = 'test/understand/fixtures'
const lines = readdirSync(dir).flatMap((f) => readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)))
const ctx = { now: new Date('2026-11-18T10:00:00+08:00'), timeZone: 'Asia/Shanghai' }
const t0 = performance.now()
let n = 0
for (let i = 0; i < 15; i++) for (const l of lines) { parseMessage(l.text, ctx); n++ }
console.log(n, Math.round(n / ((performance.now() - t0) / 1000)), 'msg/s')
