import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@app/notifications';
import { TaxonomyModule } from '@app/taxonomy';
import { AuditApiController } from './controllers/audit-api.controller';
import { AuditController } from './controllers/audit.controller';
import { PartnerOrganisationsController } from './controllers/partner-organisations.controller';
import { SessionApiController } from './controllers/session-api.controller';
import { StaffAccountController } from './controllers/staff-account.controller';
import { StaffLinksController } from './controllers/staff-links.controller';
import { StaffLoginController } from './controllers/staff-login.controller';
import { StaffUsersApiController } from './controllers/staff-users-api.controller';
import { StaffUsersController } from './controllers/staff-users.controller';
import { AuditEntry } from './entities/audit-entry.entity';
import { PartnerOrganisation } from './entities/partner-organisation.entity';
import { StaffSession } from './entities/staff-session.entity';
import { StaffToken } from './entities/staff-token.entity';
import { StaffUser } from './entities/staff-user.entity';
import { AccessGuard } from './http/access.guard';
import { SessionCookie } from './http/session-cookie';
import { AuditLog } from './services/audit-log.service';
import { PartnerOrganisations } from './services/partner-organisations.service';
import { PasswordHasher } from './services/password-hasher.service';
import { StaffAccounts } from './services/staff-accounts.service';
import { StaffDirectory } from './services/staff-directory.service';
import { StaffLinks } from './services/staff-links.service';
import { StaffOfRequest } from './services/staff-of-request.service';
import { StaffLogin } from './services/staff-login.service';
import { SessionHousekeeping } from './services/session-housekeeping.service';
import { StaffSessions } from './services/staff-sessions.service';
import { TotpService } from './services/totp.service';

/**
 * Staff accounts, sign-in with password and TOTP, server-side sessions, the global access
 * guard and the audit log. Other contexts use AuditLog and StaffDirectory.
 */
@Module({
  imports: [
    NotificationsModule,
    TaxonomyModule,
    TypeOrmModule.forFeature([
      AuditEntry,
      PartnerOrganisation,
      StaffSession,
      StaffToken,
      StaffUser,
    ]),
  ],
  controllers: [
    AuditApiController,
    AuditController,
    PartnerOrganisationsController,
    SessionApiController,
    StaffAccountController,
    StaffLinksController,
    StaffLoginController,
    StaffUsersApiController,
    StaffUsersController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    AuditLog,
    PartnerOrganisations,
    PasswordHasher,
    SessionCookie,
    StaffAccounts,
    StaffDirectory,
    StaffLinks,
    StaffLogin,
    StaffOfRequest,
    StaffSessions,
    SessionHousekeeping,
    TotpService,
  ],
  exports: [AuditLog, SessionHousekeeping, StaffAccounts, StaffDirectory, StaffOfRequest],
})
export class IdentityModule {}
