import { DataSource } from 'typeorm';
import { Clock, equivalentCode, installationDate } from '@app/core';
import { formatReceiptCode } from '../domain/receipt-code';
import { CaseIntakeService } from './case-intake.service';
import { CaseSubmissionValidator } from './case-submission.validator';

/** Marks demo reports, so seeding again finds them. */
const DEMO_MARK = '[Demo]';

function demoReports(daysAgo: (days: number) => string): Record<string, unknown>[] {
  return [
    {
      community: 'roma',
      primaryArea: 'education',
      grounds: ['segregation', 'discrimination'],
      municipality: 'prizren',
      incidentDate: daysAgo(40),
      description: `${DEMO_MARK} My daughter was moved to a separate class where there are only Roma children.`,
      perpetratorKind: 'school',
      reporterRole: 'on_behalf_of_victim',
      anonymous: true,
    },
    {
      community: 'ashkali',
      primaryArea: 'employment',
      grounds: ['discrimination'],
      municipality: 'ferizaj',
      incidentDate: daysAgo(20),
      description: `${DEMO_MARK} At the job interview they told me they do not hire people from our neighbourhood.`,
      perpetratorKind: 'employer',
      reporterRole: 'victim',
      gender: 'male',
      ageGroup: '18_29',
      anonymous: false,
      contact: { name: 'Demo Reporter', email: 'demo.reporter@pmd.localhost' },
      consentToContact: true,
      preferredLanguage: 'sq',
    },
    {
      community: 'egyptian',
      primaryArea: 'media_and_online',
      grounds: ['hate_speech'],
      municipality: 'gjakove',
      incidentDate: daysAgo(3),
      description: `${DEMO_MARK} A local news page published comments calling for Egyptians to be driven out of town.`,
      perpetratorKind: 'media_or_online',
      reporterRole: 'witness',
      anonymous: true,
      helper: { kind: 'mediator', name: 'Demo community mediator' },
      preferredLanguage: 'en',
    },
  ];
}

/**
 * Files a few demo reports through the real validation and intake (development only), once:
 * when demo reports exist it only lists them (their receipt codes were shown when filed).
 */
export async function seedDemoCases(
  dataSource: DataSource,
  validator: CaseSubmissionValidator,
  intake: CaseIntakeService,
  clock: Clock,
): Promise<string[]> {
  const existing = (await dataSource.query(
    `SELECT reference FROM cases WHERE description LIKE $1 ORDER BY seq`,
    [`${DEMO_MARK}%`],
  )) as { reference: string }[];
  if (existing.length > 0) {
    return [
      `Demo cases exist: ${existing.map((c) => c.reference).join(', ')} (receipt codes were shown when they were filed)`,
    ];
  }
  const lines: string[] = [];
  const daysAgo = (days: number) =>
    installationDate(new Date(clock.now().getTime() - days * 86_400_000));
  for (const report of demoReports(daysAgo)) {
    // Written with Kosovo's places; another installation gets its profile's equivalents.
    const submission = await validator.validate({
      ...report,
      community: equivalentCode('community', report.community as string),
      municipality: equivalentCode('municipality', report.municipality as string),
    });
    const { result } = await intake.submit(submission, { locale: 'sq' });
    // Filed without an idempotency key, so the answer always carries the code.
    const code = result.receiptCode ? formatReceiptCode(result.receiptCode) : '(not shown)';
    lines.push(`Demo case ${result.reference}  receipt code ${code}`);
  }
  return lines;
}
