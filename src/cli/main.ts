import { Command, CommanderError } from 'commander'
import { ConfigError } from '../config.ts'
import { CrmError } from '../crm/crm-error.ts'
import { CliError } from './cli-error.ts'
import { packageVersion } from './package-version.ts'

/**
 * The `crm` command on commander: `--help`, `-h`, `help`, `<cmd> --help` and `--version` print and exit 0
 * before any command runs. Each command is one block below that lazy-loads its `<name>-command.ts`, so
 * parallel branches adding commands touch separate lines. A command returns its exit code.
 */
export function buildProgram(): Command {
  const program = new Command('crm')
    .description('Chat-native CRM: the bot server and its admin commands')
    .version(packageVersion(), '-v, --version')
    .showHelpAfterError()
    .exitOverride()
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    writeOut: (s) => process.stdout.write(s),
  })

  program
    .command('serve')
    .description('run the bot and the web chat (PORT, default 8787)')
    .action(async () => exit((await import('./serve-command.ts')).runServeCommand()))

  program
    .command('migrate')
    .description('apply database migrations')
    .action(async () => exit((await import('./migrate-command.ts')).runMigrateCommand()))

  program
    .command('seed')
    .description('load a realistic demo team into an empty workspace')
    .requiredOption('--demo', 'the demo team (the only seed there is)')
    .option('--force', 'seed even if the workspace already has customers')
    .action(async (options: { demo: boolean; force?: boolean }) =>
      exit((await import('./seed-command.ts')).runSeedCommand(options)),
    )

  program
    .command('parse')
    .description('read {"text","now","tz"} JSON lines on stdin, print one prediction a line')
    .action(async () => exit((await import('./parse-command.ts')).runParseCommand()))

  program
    .command('role')
    .description("change a user's role")
    .argument('<user>', 'platform user id, CRM id or display name')
    .argument('<role>', 'rep, manager or admin')
    .option('--workspace <platform:id>', 'the workspace', 'web:local')
    .action(async (user: string, role: string, options: { workspace: string }) =>
      exit((await import('./role-command.ts')).runRoleCommand(user, role, options)),
    )

  program
    .command('login')
    .description('print a one-time web sign-in link (15 minutes)')
    .argument('<user>', 'platform user id, CRM id or display name')
    .option('--workspace <platform:id>', 'the workspace', 'web:local')
    .action(async (user: string, options: { workspace: string }) =>
      exit((await import('./login-command.ts')).runLoginCommand([user, '--workspace', options.workspace])),
    )

  // The data commands read their own flags (util.parseArgs in each `<name>-command.ts`): commander hands
  // them the words after the command name, and still answers `crm <cmd> --help` itself.
  for (const [name, usage, description, load] of DATA_COMMANDS) {
    program
      .command(name)
      .usage(usage)
      .description(description)
      .argument('[args...]')
      .allowUnknownOption()
      .action(async (args: string[]) => exit((await load())(args)))
  }

  return program
}

let exitCode = 0
async function exit(code: Promise<number>): Promise<void> {
  exitCode = await code
}

type DataCommand = readonly [string, string, string, () => Promise<(args: string[]) => Promise<number>>]

const DATA_COMMANDS: readonly DataCommand[] = [
  [
    'import',
    '<customers|contacts|deals|interactions> <file.csv|xlsx> [--dry-run] [--skip-bad] [--encoding <label>]',
    'import a CSV or XLSX file; headers in Chinese or English; CSV in UTF-8, UTF-16 or GBK (detected); all or nothing unless --skip-bad',
    async () => (await import('./import-command.ts')).runImportCommand,
  ],
  [
    'export',
    '<customers|contacts|deals|interactions> [--format csv|jsonl] [--out file]',
    'export to CSV (UTF-8 with BOM, opens in Excel) or JSON lines',
    async () => (await import('./export-command.ts')).runExportCommand,
  ],
  [
    'dedup',
    '',
    'list likely duplicate customers and contacts, with the reason',
    async () => (await import('./dedup-command.ts')).runDedupCommand,
  ],
  [
    'merge',
    '<from> <into> | --undo <merge id>',
    'merge two customers (names or ids), or undo a merge',
    async () => (await import('./merge-command.ts')).runMergeCommand,
  ],
  [
    'privacy',
    '<export|erase> <contact>',
    "a person's data, or erase it everywhere (PIPL/GDPR)",
    async () => (await import('./privacy-command.ts')).runPrivacyCommand,
  ],
  [
    'backup',
    '<file>',
    'consistent snapshot of the database, safe while serving',
    async () => (await import('./backup-command.ts')).runBackupCommand,
  ],
  [
    'restore',
    '<file>',
    'replace the database with a backup (stop the server first)',
    async () => (await import('./backup-command.ts')).runRestoreCommand,
  ],
]

/** Runs the CLI; expected failures print one line (no stack trace) and a non-zero code. */
export async function main(argv: string[]): Promise<number> {
  exitCode = 0
  // `crm help` is commander's own; bare `crm` prints the help too rather than an error.
  const args = argv.length === 0 ? ['--help'] : argv
  try {
    await buildProgram().parseAsync(args, { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode
    if (error instanceof CliError || error instanceof ConfigError || error instanceof CrmError) {
      process.stderr.write(`crm: ${error.message}\n`)
      return error instanceof CliError ? error.exitCode : 1
    }
    throw error
  }
}
