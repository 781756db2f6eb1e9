/** The `crm` command: dispatches to one module per subcommand. */
type Command = (args: string[]) => Promise<number>

const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import('./parse-command.ts')).runParseCommand,
  serve: async () => (await import('./serve-command.ts')).runServeCommand,
  migrate: async () => (await import('./migrate-command.ts')).runMigrateCommand,
  seed: async () => (await import('./seed-command.ts')).runSeedCommand,
  role: async () => (await import('./role-command.ts')).runRoleCommand,
  import: async () => (await import('./import-command.ts')).runImportCommand,
  export: async () => (await import('./export-command.ts')).runExportCommand,
  dedup: async () => (await import('./dedup-command.ts')).runDedupCommand,
  merge: async () => (await import('./merge-command.ts')).runMergeCommand,
  privacy: async () => (await import('./privacy-command.ts')).runPrivacyCommand,
  backup: async () => (await import('./backup-command.ts')).runBackupCommand,
  restore: async () => (await import('./backup-command.ts')).runRestoreCommand,
}

const USAGE = `usage: crm <command>
  serve            run the bot and the web chat (PORT, default 8787)
  migrate          apply database migrations
  seed --demo      load a realistic demo team
  parse            read {"text","now","tz"} JSON lines on stdin, print one prediction a line
  role <user> <rep|manager|admin>   change a user's role
  import <customers|contacts|deals|interactions> <file.csv|xlsx> [--dry-run] [--skip-bad]
  export <customers|contacts|deals|interactions> [--format csv|jsonl] [--out file]
  dedup            list likely duplicate customers and contacts, with the reason
  merge <from> <into> | merge --undo <merge id>   merge two customers (names or ids), or undo
  privacy <export|erase> <contact>   a person's data, or erase it everywhere (PIPL/GDPR)
  backup <file>    consistent snapshot of the database, safe while serving
  restore <file>   replace the database with a backup (stop the server first)`

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  const load = name ? COMMANDS[name] : undefined
  if (!load) {
    process.stderr.write(`${name ? `unknown command "${name}"\n` : ''}${USAGE}\n`)
    return name ? 2 : 0
  }
  const command = await load()
  return command(rest)
}
