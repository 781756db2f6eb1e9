/** An expected CLI failure: printed as one line on stderr, no stack trace, with this exit code. */
export class CliError extends Error {
  override name = 'CliError'
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}
