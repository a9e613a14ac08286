import { randomUUID } from 'node:crypto';
import { InstitutionDirectoryService } from '@app/cases';
import { localCode } from './country-codes';
import type { StaffLogin } from './staff';
import type { TestServer } from './test-server';

const DECIDED = ['referred', 'resolved', 'not_discrimination', 'closed'];

/** What a legal expert tells the reporter with a decision, when a test is about something else. */
export const OUTCOME_MESSAGE =
  'We looked at your report carefully. This page explains what we decided and where to turn next.';

/** The step's body with the outcome message staff must give on a decision, unless it has one. */
export function withOutcomeMessage(body: Record<string, unknown>): Record<string, unknown> {
  return DECIDED.includes(String(body.to)) && !('outcomeMessage' in body)
    ? { ...body, outcomeMessage: OUTCOME_MESSAGE }
    : body;
}

/** One step of the status machine through the staff API; throws unless it was taken. */
export async function transition(
  server: TestServer,
  login: StaffLogin,
  caseId: string,
  body: Record<string, unknown>,
): Promise<void> {
  const res = await server.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/transitions`,
    headers: login.headers,
    payload: withOutcomeMessage(body),
  });
  if (res.statusCode !== 200) {
    throw new Error(`transition to ${String(body.to)}: ${res.statusCode} ${res.body}`);
  }
}

/** Takes a submitted case to `assigned` (the administrator triages, names the legal expert). */
export async function assignCase(
  server: TestServer,
  admin: StaffLogin,
  caseId: string,
  expertId: string,
): Promise<void> {
  await transition(server, admin, caseId, { to: 'in_review' });
  await transition(server, admin, caseId, { to: 'assigned', assigneeId: expertId });
}

/** A staff API call that must succeed; returns its JSON. */
export async function staffCall<T = unknown>(
  server: TestServer,
  login: StaffLogin,
  method: 'GET' | 'POST',
  url: string,
  payload?: Record<string, unknown>,
): Promise<T> {
  const res = await server.app.inject({
    method,
    url,
    headers: login.headers,
    ...(payload ? { payload } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/**
 * A referral's recipient when a test is about something else: a one-off address, typed twice and confirmed
 * (a referral needs a directory contact point or a confirmed one-off address).
 */
export const ONE_OFF_RECIPIENT = {
  contactEmail: 'referrals@institution.example.org',
  contactEmailRepeat: 'referrals@institution.example.org',
  oneOffConfirmed: true,
} as const;

/** A contact point of the institution directory, added for a test; its id. */
export async function addContactPoint(
  server: TestServer,
  overrides: Partial<{
    key: string;
    institutionCode: string;
    municipalityCode: string | null;
    unit: string;
    email: string;
    phone: string | null;
    activeFrom: string;
    activeTo: string | null;
  }> = {},
): Promise<string> {
  const directory = server.app.get(InstitutionDirectoryService);
  const key = overrides.key ?? `test.${randomUUID().slice(0, 8)}`;
  await directory.ensure(
    [
      {
        unit: 'Department of Education (test)',
        email: 'education.desk@example.org',
        phone: null,
        activeFrom: '2020-01-01',
        activeTo: null,
        ...overrides,
        // Written with Kosovo's codes; another installation gets its profile's equivalents.
        institutionCode: localCode(
          'institution',
          overrides.institutionCode ?? 'ministry_education',
        ),
        municipalityCode: overrides.municipalityCode
          ? localCode('municipality', overrides.municipalityCode)
          : null,
        key,
      },
    ],
    'test',
  );
  return (await directory.idOfKey(key)) as string;
}
