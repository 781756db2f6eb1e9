import { cpus, totalmem } from 'node:os'

type Bench = () => Promise<{ name: string; results: Record<string, number | string> }>

/** Every bench, each loaded only if its file exists (benches land with the features they measure). */
const BENCHES: [file: string, exportName: string][] = [
  ['./parser.ts', 'benchParser'],
  ['./store.ts', 'benchStore'],
  ['./slack.ts', 'benchSlack'],
  ['./reminders.ts', 'benchReminders'],
  ['./import.ts', 'benchImport'],
  ['./reports.ts', 'benchReports'],
  ['./worker.ts', 'benchWorker'],
  ['./body-limit.ts', 'benchBodyLimit'],
]

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
console.log(`# Benchmarks\n\n${new Date().toISOString().slice(0, 10)} · ${machine}\n`)
for (const [file, exportName] of BENCHES) {
  let bench: Bench | undefined
  try {
    bench = (await import(file))[exportName]
  } catch (error) {
    console.log(`(${file} not run: ${(error as Error).message})\n`)
    continue
  }
  if (!bench) continue
  const { name, results } = await bench()
  console.log(`## ${name}\n\n| measure | value |\n| --- | --- |`)
  for (const [key, value] of Object.entries(results)) console.log(`| ${key} | ${value} |`)
  console.log('')
}
