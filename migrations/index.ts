import { CreateTextSearchFunctions1795370000000 } from './1795370000000-CreateTextSearchFunctions';
import { CreateStaffIdentity1795400000000 } from './1795400000000-CreateStaffIdentity';
import { CreateTaxonomyItems1795410000000 } from './1795410000000-CreateTaxonomyItems';
import { CreateCases1795420000000 } from './1795420000000-CreateCases';
import { CreateIdempotencyKeys1795420000001 } from './1795420000001-CreateIdempotencyKeys';
import { CreateFollowUpSessions1795420000002 } from './1795420000002-CreateFollowUpSessions';
import { AddCaseHandling1795420000010 } from './1795420000010-AddCaseHandling';
import { CreateNotificationOutbox1795430000000 } from './1795430000000-CreateNotificationOutbox';
import { AddOutboxSendMarker1795430500000 } from './1795430500000-AddOutboxSendMarker';
import { CreateStatistics1795450000000 } from './1795450000000-CreateStatistics';
import { CreateMeetings1795460000000 } from './1795460000000-CreateMeetings';
import { ForbidCaseHistoryTruncate1795900000000 } from './1795900000000-ForbidCaseHistoryTruncate';
import { AddEvidenceErasure1795900000001 } from './1795900000001-AddEvidenceErasure';
import { CoverCaseListFilters1795900000002 } from './1795900000002-CoverCaseListFilters';
import { AddReferralSummary1796000000000 } from './1796000000000-AddReferralSummary';
import { StoreReplayWithoutCode1796100000000 } from './1796100000000-StoreReplayWithoutCode';
import { SealHelperNames1796100000001 } from './1796100000001-SealHelperNames';
import { MoveFollowUpAttempts1796200000000 } from './1796200000000-MoveFollowUpAttempts';
import { AddSnapshotPublicFigures1796800000000 } from './1796800000000-AddSnapshotPublicFigures';
import { CreatePublicContacts1797100000000 } from './1797100000000-CreatePublicContacts';
import { AddOutcomeMessage1797200000000 } from './1797200000000-AddOutcomeMessage';
import { CreateCaseClocks1797300000000 } from './1797300000000-CreateCaseClocks';
import { CreateStatStageDays1797300000001 } from './1797300000001-CreateStatStageDays';
import { AddRomaniReferenceLabels1797400000000 } from './1797400000000-AddRomaniReferenceLabels';
import { AcceptSerbianCyrillicLocale1797400000001 } from './1797400000001-AcceptSerbianCyrillicLocale';
import { AddStaffWorkingLanguages1797500000000 } from './1797500000000-AddStaffWorkingLanguages';
import { RecordInstallationCountry1797600000000 } from './1797600000000-RecordInstallationCountry';
import { AllowCountryReferencePrefix1797600000001 } from './1797600000001-AllowCountryReferencePrefix';
import { CreateInstitutionDirectory1797700000000 } from './1797700000000-CreateInstitutionDirectory';
import { AddPartnerOrganisations1797800000000 } from './1797800000000-AddPartnerOrganisations';
import { AddKosovoHolidayMondays1798300000000 } from './1798300000000-AddKosovoHolidayMondays';
import { OrderCaseListIndexesById1798400000000 } from './1798400000000-OrderCaseListIndexesById';

/** Every migration, oldest first. A test checks that each file of this folder is listed. */
export const MIGRATIONS = [
  CreateTextSearchFunctions1795370000000,
  CreateStaffIdentity1795400000000,
  CreateTaxonomyItems1795410000000,
  CreateCases1795420000000,
  CreateIdempotencyKeys1795420000001,
  CreateFollowUpSessions1795420000002,
  AddCaseHandling1795420000010,
  CreateNotificationOutbox1795430000000,
  AddOutboxSendMarker1795430500000,
  CreateStatistics1795450000000,
  CreateMeetings1795460000000,
  ForbidCaseHistoryTruncate1795900000000,
  AddEvidenceErasure1795900000001,
  CoverCaseListFilters1795900000002,
  AddReferralSummary1796000000000,
  StoreReplayWithoutCode1796100000000,
  SealHelperNames1796100000001,
  MoveFollowUpAttempts1796200000000,
  AddSnapshotPublicFigures1796800000000,
  CreatePublicContacts1797100000000,
  AddOutcomeMessage1797200000000,
  CreateCaseClocks1797300000000,
  CreateStatStageDays1797300000001,
  AddRomaniReferenceLabels1797400000000,
  AcceptSerbianCyrillicLocale1797400000001,
  AddStaffWorkingLanguages1797500000000,
  RecordInstallationCountry1797600000000,
  AllowCountryReferencePrefix1797600000001,
  CreateInstitutionDirectory1797700000000,
  AddPartnerOrganisations1797800000000,
  AddKosovoHolidayMondays1798300000000,
  OrderCaseListIndexesById1798400000000,
];
