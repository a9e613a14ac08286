import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readConfigOrExit } from '@app/core';
import { AppModule } from './app.module';
import { CliCommand, parseOptions } from './cli/cli-command';
import { countryApplyCommand } from './cli/country-apply.command';
import { createAdminCommand } from './cli/create-admin.command';
import { directoryCommand } from './cli/directory.command';
import { reencryptCommand } from './cli/reencrypt.command';
import { regionalCompareCommand } from './cli/regional-compare.command';
import { regionalReportCommand } from './cli/regional-report.command';
import { seedDemoCommand } from './cli/seed-demo.command';
import { statisticsRecomputeCommand } from './cli/statistics-recompute.command';

const COMMANDS: CliCommand[] = [
  createAdminCommand,
  seedDemoCommand,
  statisticsRecomputeCommand,
  reencryptCommand,
  regionalReportCommand,
  regionalCompareCommand,
  directoryCommand,
  countryApplyCommand,
];

function usage(): string {
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    ...COMMANDS.map(
      (c) =>
        `  ${c.name.padEnd(16)} ${c.summary}${c.usage ? `\n  ${' '.repeat(16)} ${c.usage}` : ''}`,
    ),
  ].join('\n');
}

async function main([name, ...rest]: string[]): Promise<void> {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`${usage()}\n`);
    process.exitCode = 2;
    return;
  }
  const config = readConfigOrExit();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    await command.run(app, parseOptions(rest));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

void main(process.argv.slice(2));
