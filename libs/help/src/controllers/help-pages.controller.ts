import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, Page, PublicAccess, requestLocale } from '@app/core';
import { privacyFigures } from '../domain/privacy-figures';
import { PublicContactView, PublicContactsService } from '../services/public-contacts.service';

function ofKind(contacts: PublicContactView[], kind: PublicContactView['kind']) {
  return contacts.filter((c) => c.kind === kind);
}

/**
 * The public pages of help and trust, linked from every page's footer: who helps (and the
 * emergency numbers), the privacy notice with the configured figures, the accessibility
 * statement and how to reach the Office.
 */
@ApiExcludeController()
@PublicAccess()
@Controller()
export class HelpPagesController {
  constructor(
    private readonly contacts: PublicContactsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('help')
  @Page('help/help.njk')
  async help(@Req() request: FastifyRequest) {
    const all = await this.contacts.list(
      ['emergency_number', 'help_organisation', 'community_mediator', 'appeal_route'],
      requestLocale(request),
    );
    return {
      emergency: ofKind(all, 'emergency_number'),
      organisations: ofKind(all, 'help_organisation'),
      mediators: ofKind(all, 'community_mediator'),
      appealRoutes: ofKind(all, 'appeal_route'),
    };
  }

  @Get('privacy')
  @Page('help/privacy.njk')
  async privacy(@Req() request: FastifyRequest) {
    const all = await this.contacts.list(['privacy_authority', 'office'], requestLocale(request));
    return {
      figures: privacyFigures(this.config),
      authorities: ofKind(all, 'privacy_authority'),
      office: ofKind(all, 'office'),
    };
  }

  @Get('accessibility')
  @Page('help/accessibility.njk')
  async accessibility(@Req() request: FastifyRequest) {
    return { office: await this.contacts.list('office', requestLocale(request)) };
  }

  @Get('contact')
  @Page('help/contact.njk')
  async contact(@Req() request: FastifyRequest) {
    const all = await this.contacts.list(['office', 'emergency_number'], requestLocale(request));
    return { office: ofKind(all, 'office'), emergency: ofKind(all, 'emergency_number') };
  }
}
