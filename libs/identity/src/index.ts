/** Staff identity: accounts, sign-in (password + TOTP), sessions, the access guard, the audit log. */
export * from './domain/audit-actions';
export * from './domain/staff-permissions';
export * from './domain/staff-principal';
export { StaffActionForbiddenError } from './exceptions/identity.errors';
export * from './http/current-mediator.decorator';
export * from './http/current-staff.decorator';
export * from './http/session-cookie';
export * from './home/staff-home-section';
export * from './home/staff-home.module';
export * from './services/audit-log.service';
export * from './services/demo-staff';
export * from './services/partner-organisations.service';
export * from './services/password-hasher.service';
export * from './services/staff-accounts.service';
export * from './services/staff-directory.service';
export * from './services/staff-of-request.service';
export * from './identity.module';

import { AuditEntry } from './entities/audit-entry.entity';
import { PartnerOrganisation } from './entities/partner-organisation.entity';
import { StaffSession } from './entities/staff-session.entity';
import { StaffToken } from './entities/staff-token.entity';
import { StaffUser } from './entities/staff-user.entity';
export const IDENTITY_ENTITIES = [
  AuditEntry,
  PartnerOrganisation,
  StaffSession,
  StaffToken,
  StaffUser,
];
export * from './services/session-housekeeping.service';
