import type { INestApplicationContext } from '@nestjs/common';

/** The options of a command: `--flag` is true, `--key value` a string, a repeated key a list. */
export type CliOptions = Record<string, string | true | string[]>;

/** One command of `npm run cli -- <name> [--option value ...]`. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage?: string;
  run(app: INestApplicationContext, options: CliOptions): Promise<void>;
}

/** Parses `--key value` and `--flag` pairs; anything else is refused. */
export function parseOptions(args: string[]): CliOptions {
  const options: CliOptions = {};
  const set = (key: string, value: string | true) => {
    const before = options[key];
    if (before === undefined) options[key] = value;
    // A key given again (`--in a.json --in b.json`) collects its values.
    else if (typeof value === 'string' && typeof before !== 'boolean') {
      options[key] = [...(Array.isArray(before) ? before : [before]), value];
    } else options[key] = value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) set(key, inline);
    else if (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) set(key, args[++i]);
    else set(key, true);
  }
  return options;
}
