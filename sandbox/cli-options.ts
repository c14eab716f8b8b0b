import { parseArgs } from 'node:util';
import type { SandboxOptions } from './server.js';

export const USAGE = `Usage: tsx sandbox/cli.ts [options]

  --port N                    port to listen on (default: env PORT, else 8787; 0 = any free port)
  --host ADDRESS              address to listen on (default 127.0.0.1)
  --token-lifetime SECONDS    access token lifetime (default 3600)
  --refresh-lifetime SECONDS  refresh token lifetime (default 86400)
  --user EMAIL:PASSWORD       a user who may sign in; repeat for more (default: the demo user)
  --client ID:SECRET          require HTTP Basic client authentication with these
  --quiet                     print nothing
  --help                      show this text`;

export class CliUsageError extends Error {}

export type CliCommand = { help: true } | { help: false; options: SandboxOptions };

function wholeNumber(flag: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max) {
    throw new CliUsageError(`${flag} must be a whole number up to ${max}, not '${text}'`);
  }
  return value;
}

/** Splits at the first colon: e-mail addresses and client ids have none, passwords and secrets may. */
function pair(flag: string, text: string): [string, string] {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) {
    throw new CliUsageError(`${flag} must look like NAME:SECRET, not '${text}'`);
  }
  return [text.slice(0, colon), text.slice(colon + 1)];
}

export function parseCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return { help: true };

  const options: SandboxOptions = {};
  const port = values.port ?? env.PORT;
  if (port !== undefined && port !== '') {
    options.port = wholeNumber(values.port === undefined ? 'PORT' : '--port', port, 65535);
  }
  if (values.host !== undefined) options.host = values.host;
  if (values['token-lifetime'] !== undefined) {
    options.accessTokenLifetimeSeconds = wholeNumber('--token-lifetime', values['token-lifetime']);
  }
  if (values['refresh-lifetime'] !== undefined) {
    options.refreshTokenLifetimeSeconds = wholeNumber('--refresh-lifetime', values['refresh-lifetime']);
  }
  if (values.user !== undefined) {
    options.users = values.user.map((text) => {
      const [email, password] = pair('--user', text);
      return { email, password };
    });
  }
  if (values.client !== undefined) {
    const [id, secret] = pair('--client', values.client);
    options.client = { id, secret };
  }
  if (values.quiet) options.quiet = true;
  return { help: false, options };
}

function parseCli(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'token-lifetime': { type: 'string' },
      'refresh-lifetime': { type: 'string' },
      user: { type: 'string', multiple: true },
      client: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
