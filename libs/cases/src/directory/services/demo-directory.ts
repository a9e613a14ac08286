import { equivalentCode } from '@app/core';
import type { DirectoryRow } from '../domain/directory-csv';
import { InstitutionDirectoryService } from './institution-directory.service';

/**
 * Clearly fictitious contact points (example.org addresses) for the demo and the tests: the
 * demo referral goes to the first.
 */
export const DEMO_CONTACT_POINTS: readonly Omit<DirectoryRow, 'activeFrom'>[] = [
  {
    key: 'demo.ministry_education.gjakove',
    institutionCode: 'ministry_education',
    municipalityCode: 'gjakove',
    unit: 'Department of Education, Gjakovë (demo)',
    email: 'education.gjakove.demo@example.org',
    phone: '+383 00 000 001',
    activeTo: null,
  },
  {
    key: 'demo.ministry_education',
    institutionCode: 'ministry_education',
    municipalityCode: null,
    unit: 'Ministry of Education, central office (demo)',
    email: 'ministry.education.demo@example.org',
    phone: null,
    activeTo: null,
  },
  {
    key: 'demo.kosovo_police',
    institutionCode: 'kosovo_police',
    municipalityCode: null,
    unit: 'Community policing unit (demo)',
    email: 'police.demo@example.org',
    phone: null,
    activeTo: null,
  },
  {
    key: 'demo.ombudsperson',
    institutionCode: 'ombudsperson',
    municipalityCode: null,
    unit: 'Ombudsperson, non-discrimination team (demo)',
    email: 'ombudsperson.demo@example.org',
    phone: null,
    activeTo: null,
  },
  {
    key: 'demo.municipality.gjakove',
    institutionCode: 'municipality',
    municipalityCode: 'gjakove',
    unit: 'Municipality of Gjakovë, office for communities (demo)',
    email: 'communities.gjakove.demo@example.org',
    phone: null,
    activeTo: null,
  },
];

/** The demo contact points (development only; safe to run again). */
export async function seedDemoDirectory(directory: InstitutionDirectoryService): Promise<string[]> {
  const activeFrom = '2020-01-01';
  const result = await directory.ensure(
    // Written with Kosovo's codes; another installation gets its profile's equivalents.
    DEMO_CONTACT_POINTS.map((p) => ({
      ...p,
      institutionCode: equivalentCode('institution', p.institutionCode),
      municipalityCode: p.municipalityCode && equivalentCode('municipality', p.municipalityCode),
      activeFrom,
    })),
    'demo',
  );
  return [
    `Demo directory: ${result.created} contact points added, ${result.updated} updated, ${result.unchanged} already there`,
  ];
}

/** The id of a demo contact point by its key (the demo referral's recipient). */
export async function demoContactPointId(
  directory: InstitutionDirectoryService,
  key: string,
): Promise<string | null> {
  return directory.idOfKey(key);
}
