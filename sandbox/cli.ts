// `npm run sandbox`: runs the sandbox until Ctrl-C.
import { CliUsageError, parseCliOptions, USAGE } from './cli-options.js';
import { startSandbox } from './server.js';

async function main(): Promise<void> {
  let command: ReturnType<typeof parseCliOptions>;
  try {
    command = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (command.help) {
    console.log(USAGE);
    return;
  }

  const sandbox = await startSandbox(command.options);
  if (!command.options.quiet) console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A second Ctrl-C means "now", even if a connection holds the close up.
    if (stopping) process.exit(1);
    stopping = true;
    if (!command.options.quiet) console.log(`\n${signal}: stopping the sandbox.`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
