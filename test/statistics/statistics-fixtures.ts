import { withOutcomeMessage } from '../support/case-workflow';
import type { LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import {
  CaseReferralsService,
  CaseWorkflowService,
  ReferralAnswersService,
  TransitionCommand,
} from '@app/cases';
import { FixedClock } from '@app/core';
import type { StaffPrincipal } from '@app/identity';
import { StatisticsRecompute } from '@app/statistics';
import { submitReport, validReport } from '../cases/case-fixtures';
import { TestStaff } from '../support/staff';
import type { TestServer } from '../support/test-server';

/** Environment of the statistics tests: intake limits out of the way of many reports. */
export const STATISTICS_ENV = { INTAKE_RATE_LIMIT: '100000' };

export function principal(staff: TestStaff): StaffPrincipal {
  return {
    id: staff.id,
    name: staff.name,
    role: staff.role,
    locale: staff.locale,
    institutionCode: staff.institutionCode,
  };
}

/** Sets the server's clock (a FixedClock) to an instant. */
export function at(server: TestServer, iso: string): void {
  (server.clock as FixedClock).set(new Date(iso));
}

/** Files a report through the public API at the clock's time; returns the case id. */
export async function report(
  server: TestServer,
  overrides: Record<string, unknown>,
): Promise<string> {
  const submitted = await submitReport(
    server,
    validReport({ gender: undefined, ageGroup: undefined, ...overrides }),
  );
  return submitted.id;
}

/** A step of the case workflow through its service, as the staff API takes it. */
export async function step(
  server: TestServer,
  actor: TestStaff,
  caseId: string,
  to: TransitionCommand['to'],
  extra: Partial<TransitionCommand> = {},
): Promise<string[]> {
  const result = await server.app.get(CaseWorkflowService).transition({
    caseId,
    to,
    actor: { kind: 'staff', principal: principal(actor) },
    ...(withOutcomeMessage({ to, ...extra }) as Partial<TransitionCommand>),
  });
  return result.referralIds;
}

/** An institution answers a referral through its (renewed) response link. */
export async function answerReferral(
  server: TestServer,
  admin: TestStaff,
  caseId: string,
  referralId: string,
  outcome: 'complied' | 'partly_complied' | 'refused',
): Promise<void> {
  const referrals = server.app.get(CaseReferralsService);
  const { responseUrl } = await server.app
    .get(DataSource)
    .transaction((manager) => referrals.renewLink(manager, caseId, referralId, principal(admin)));
  const token = responseUrl.split('/').pop()!;
  async function* parts() {
    yield { type: 'field' as const, fieldname: 'outcome', value: outcome };
    yield {
      type: 'field' as const,
      fieldname: 'text',
      value: 'The institution answered the recommendation.',
    };
  }
  await server.app.get(ReferralAnswersService).answerByToken(token, parts());
}

export async function expectNoRecomputeDifference(server: TestServer): Promise<void> {
  const report = await server.app.get(StatisticsRecompute).run({ limit: 20 });
  expect(report.differences).toEqual([]);
  expect(report.total).toBe(0);
}

export function json<T>(response: LightMyRequestResponse, status = 200): T {
  if (response.statusCode !== status) {
    throw new Error(
      `expected ${status}, got ${response.statusCode}: ${response.body.slice(0, 800)}`,
    );
  }
  return response.json() as T;
}
