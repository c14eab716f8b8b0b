/** Finds a browser's executable for the tests and scripts: its environment variable, else the machine's. */
import { existsSync } from 'node:fs';

export interface BrowserFinder {
  /** The executable, or undefined when there is none. */
  find(): string | undefined;
  /** The executable; throws how to get one when there is none. */
  require(): string;
}

export function browserFinder(
  envVariable: string,
  candidates: readonly string[],
  missingMessage: string,
): BrowserFinder {
  const find = () => {
    const fromEnv = process.env[envVariable];
    if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
    return candidates.find((candidate) => existsSync(candidate));
  };
  return {
    find,
    require: () => {
      const found = find();
      if (found) return found;
      const fromEnv = process.env[envVariable];
      const wrongEnv = fromEnv ? `${envVariable}=${fromEnv} does not exist.\n` : '';
      throw new Error(`${wrongEnv}${missingMessage}`);
    },
  };
}
