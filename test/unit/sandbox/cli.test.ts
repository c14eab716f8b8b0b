// @vitest-environment node
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CliUsageError, parseCliOptions } from '../../../sandbox/cli-options.js';

describe('sandbox CLI options', () => {
  it('starts with the defaults when given nothing', () => {
    expect(parseCliOptions([], {})).toEqual({ help: false, options: {} });
  });

  it('reads every option', () => {
    const command = parseCliOptions(
      [
        '--port=9000',
        '--host',
        '0.0.0.0',
        '--token-lifetime',
        '60',
        '--refresh-lifetime',
        '600',
        '--user',
        'a@example.com:pass:word',
        '--user',
        'b@example.com:x',
        '--client',
        'reporter:s3cret',
        '--quiet',
      ],
      {},
    );
    expect(command).toEqual({
      help: false,
      options: {
        port: 9000,
        host: '0.0.0.0',
        accessTokenLifetimeSeconds: 60,
        refreshTokenLifetimeSeconds: 600,
        users: [
          { email: 'a@example.com', password: 'pass:word' },
          { email: 'b@example.com', password: 'x' },
        ],
        client: { id: 'reporter', secret: 's3cret' },
        quiet: true,
      },
    });
  });

  it('takes the port from PORT unless --port is given', () => {
    expect(parseCliOptions([], { PORT: '8800' })).toEqual({ help: false, options: { port: 8800 } });
    expect(parseCliOptions(['--port', '0'], { PORT: '8800' })).toEqual({ help: false, options: { port: 0 } });
  });

  it.each([
    [['--port', 'eighty']],
    [['--port', '70000']],
    [['--token-lifetime', '-5']],
    [['--user', 'no-password']],
    [['--client', ':secret']],
    [['--unknown']],
    [['positional']],
  ])('refuses %j', (argv) => {
    expect(() => parseCliOptions(argv, {})).toThrow(CliUsageError);
  });

  it('asks for help with --help', () => {
    expect(parseCliOptions(['--help'], {})).toEqual({ help: true });
  });
});

describe('sandbox CLI process', () => {
  const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  let child: ChildProcess | undefined;

  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  /** Reads stdout until `pattern` matches the text so far; the stream stays open so the CLI can keep printing. */
  function readUntil(cliProcess: ChildProcess, pattern: RegExp): Promise<string> {
    return new Promise((resolve, reject) => {
      let text = '';
      const onData = (chunk: Buffer) => {
        text += chunk.toString();
        if (!pattern.test(text)) return;
        cliProcess.stdout?.off('data', onData);
        cliProcess.stdout?.resume();
        resolve(text);
      };
      cliProcess.stdout?.on('data', onData);
      cliProcess.once('exit', () =>
        reject(new Error(`the CLI stopped before printing ${pattern}:\n${text}`)),
      );
    });
  }

  it('starts on a free port, prints where everything is, and stops cleanly on SIGTERM', async () => {
    child = spawn(process.execPath, [tsxCli, 'sandbox/cli.ts', '--port', '0'], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const banner = await readUntil(child, /Press Ctrl-C to stop\./);
    const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    expect(url).toBeDefined();
    expect(banner).toContain('operator@example.com');
    expect(banner).toContain('Sandbox-2026!');
    expect(banner).toContain(`${url}/bzctrl-core-api/oauth/token`);
    expect(banner).toContain(`${url}/bzctrl-core-api/api/v1/task/add-task`);
    expect(banner).toContain(`${url}/demo/service-order.html`);
    expect(banner).toContain(`${url}/demo/customs-declaration.html`);

    expect((await fetch(`${url}/demo/`)).status).toBe(200);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  }, 30_000);
});
