/** The `crm` command: dispatches to one module per subcommand. */
type Command = (args: string[]) => Promise<number>

const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import('./parse-command.ts')).runParseCommand,
  serve: async () => (await import('./serve-command.ts')).runServeCommand,
  migrate: async () => (await import('./migrate-command.ts')).runMigrateCommand,
  seed: async () => (await import('./seed-command.ts')).runSeedCommand,
  role: async () => (await import('./role-command.ts')).runRoleCommand,
  login: async () => (await import('./login-command.ts')).runLoginCommand,
}

const USAGE = `usage: crm <command>
  serve            run the bot and the web chat (PORT, default 8787)
  migrate          apply database migrations
  seed --demo      load a realistic demo team
  parse            read {"text","now","tz"} JSON lines on stdin, print one prediction a line
  role <user> <rep|manager|admin>   change a user's role
  login <user> [--workspace web:local]   print a one-time web sign-in link (15 minutes)`

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
