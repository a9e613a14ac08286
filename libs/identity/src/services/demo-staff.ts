import { type Locale, type StaffRole, equivalentCode } from '@app/core';
import { StaffAccounts } from './staff-accounts.service';

/** Printed by the seed; demo data is for a local run only (the seed refuses production). */
export const DEMO_STAFF_PASSWORD = 'demo-staff-password-2025';

interface DemoAccount {
  name: string;
  email: string;
  role: StaffRole;
  locale: Locale;
  institutionCode: string | null;
  /** Fixed, so a demo authenticator app keeps working after the database is rebuilt. */
  totpSecret: string;
}

export const DEMO_STAFF: readonly DemoAccount[] = [
  {
    name: 'Arta Krasniqi',
    email: 'admin@pmd.localhost',
    role: 'administrator',
    locale: 'sq',
    institutionCode: null,
    totpSecret: 'PMDDEMOADMINISTRATORAAAAAAAAAAAA',
  },
  {
    name: 'Besnik Gashi',
    email: 'legal.expert1@pmd.localhost',
    role: 'legal_expert',
    locale: 'sq',
    institutionCode: null,
    totpSecret: 'PMDDEMOLEGALEXPERTONEBBBBBBBBBBB',
  },
  {
    name: 'Jelena Petrović',
    email: 'legal.expert2@pmd.localhost',
    role: 'legal_expert',
    locale: 'sr',
    institutionCode: null,
    totpSecret: 'PMDDEMOLEGALEXPERTTWOCCCCCCCCCCC',
  },
  {
    name: 'Drita Berisha',
    email: 'tg.ombudsperson@pmd.localhost',
    role: 'technical_group_member',
    locale: 'sq',
    institutionCode: 'ombudsperson',
    totpSecret: 'PMDDEMOTECHNICALGROUPONEDDDDDDDD',
  },
  {
    name: 'Agron Hoxha',
    email: 'tg.police@pmd.localhost',
    role: 'technical_group_member',
    locale: 'sq',
    institutionCode: 'kosovo_police',
    totpSecret: 'PMDDEMOTECHNICALGROUPTWOEEEEEEEE',
  },
  {
    name: 'Mirela Shala',
    email: 'tg.education@pmd.localhost',
    role: 'technical_group_member',
    locale: 'en',
    institutionCode: 'ministry_education',
    totpSecret: 'PMDDEMOTECHNICALGROUPTHREEFFFFFF',
  },
];

/**
 * Adds the demo staff accounts that are missing (safe to run again) and returns the lines to
 * print: addresses, the shared password and each authenticator secret.
 */
export async function seedDemoStaff(accounts: StaffAccounts): Promise<string[]> {
  const lines = [
    'Demo staff accounts (local use only; never on a server with real data):',
    `  password for all: ${DEMO_STAFF_PASSWORD}`,
  ];
  for (const demo of DEMO_STAFF) {
    const existing = await accounts.findByEmail(demo.email);
    // The members sit for the installation's institutions (the profile's equivalents).
    const institutionCode =
      demo.institutionCode && equivalentCode('institution', demo.institutionCode);
    if (!existing) {
      await accounts.provision({ ...demo, institutionCode, password: DEMO_STAFF_PASSWORD });
    }
    lines.push(
      `  ${demo.role.padEnd(23)} ${demo.email.padEnd(31)} TOTP secret ${demo.totpSecret}${existing ? '' : ' (created)'}`,
    );
  }
  return lines;
}
