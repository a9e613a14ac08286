import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { HelpPagesController } from './controllers/help-pages.controller';
import { PublicContactsAdminController } from './controllers/public-contacts-admin.controller';
import { PublicContact } from './entities/public-contact.entity';
import { PublicContactsService } from './services/public-contacts.service';

/**
 * Help and trust on the public side: the help, privacy, accessibility and contact pages, and
 * the contact points they show, kept by administrators. Other libs show contacts of a kind
 * (e.g. the "if you disagree" routes) through `PublicContactsService.list` and the partial
 * `help/_appeal-routes.njk`.
 */
@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([PublicContact])],
  controllers: [HelpPagesController, PublicContactsAdminController],
  providers: [PublicContactsService],
  exports: [PublicContactsService],
})
export class HelpModule {}
