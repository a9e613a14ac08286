import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { TaxonomyModule } from '@app/taxonomy';
import { CaseLinks } from './services/case-links';
import { CaseNotifications } from './services/case-notifications';

/** The listener that writes every email a case change causes, for `CaseEventsModule.forRoot`. */
@Module({
  imports: [IdentityModule, NotificationsModule, TaxonomyModule],
  providers: [CaseLinks, CaseNotifications],
  exports: [CaseNotifications],
})
export class CaseNotificationsModule {}
