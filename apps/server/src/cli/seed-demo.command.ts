import { DataSource } from 'typeorm';
import {
  CaseIntakeService,
  CaseSubmissionValidator,
  CaseWorkflowService,
  InstitutionDirectoryService,
  seedDemoCases,
  seedDemoDirectory,
  seedDemoWorkflow,
} from '@app/cases';
import { APP_CONFIG, AppConfig, Clock } from '@app/core';
import { StaffAccounts, StaffDirectory, seedDemoStaff } from '@app/identity';
import type { CliCommand } from './cli-command';

/**
 * Demo data for a local run: idempotent, so `npm start` can call it every time.
 * Each bounded context adds its part here as it arrives.
 */
export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary: 'Load demo staff accounts and cases (development only; safe to run again)',
  async run(app) {
    // Demo accounts have a published password: never on a server with real data.
    if (app.get<AppConfig>(APP_CONFIG).app.nodeEnv === 'production') {
      throw new Error('seed-demo refuses to run with NODE_ENV=production');
    }
    const staffLines = await seedDemoStaff(app.get(StaffAccounts));
    process.stdout.write(`${staffLines.join('\n')}\n`);
    const caseLines = await seedDemoCases(
      app.get(DataSource),
      app.get(CaseSubmissionValidator),
      app.get(CaseIntakeService),
      app.get(Clock),
    );
    process.stdout.write(`${caseLines.join('\n')}\n`);
    const directoryLines = await seedDemoDirectory(app.get(InstitutionDirectoryService));
    process.stdout.write(`${directoryLines.join('\n')}\n`);
    const workflowLines = await seedDemoWorkflow(
      app.get(DataSource),
      app.get(CaseSubmissionValidator),
      app.get(CaseIntakeService),
      app.get(CaseWorkflowService),
      app.get(StaffDirectory),
      app.get(Clock),
      app.get(InstitutionDirectoryService),
    );
    process.stdout.write(`${workflowLines.join('\n')}\n`);
    process.stdout.write('Demo data is up to date\n');
  },
};
