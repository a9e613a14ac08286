import type { INestApplicationContext } from '@nestjs/common';

/** One command of `npm run cli -- <name> [--option value ...]`. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage?: string;
  run(app: INestApplicationContext, options: Record<string, string | true>): Promise<void>;
}

/** Parses `--key value` and `--flag` pairs; anything else is refused. */
export function parseOptions(args: string[]): Record<string, string | true> {
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) options[key] = inline;
    else if (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) options[key] = args[++i];
    else options[key] = true;
  }
  return options;
}
