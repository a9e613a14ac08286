import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  FormBody,
  Page,
  PageForm,
  ParseIdPipe,
  Redirect,
  Refused,
  StaffAccess,
  pathEnd,
  requestLocale,
  routeParam,
  seeOther,
} from '@app/core';
import { StaffPrincipal } from '../domain/staff-principal';
import { InviteMediatorForm, PartnerOrganisationForm } from '../dto/partner-organisation.form';
import { CurrentStaff } from '../http/current-staff.decorator';
import { requestMeta } from '../http/staff-request';
import { PartnerOrganisations } from '../services/partner-organisations.service';

const LIST = 'identity/organisations.njk';
const ONE = 'identity/organisation.njk';
const NOTICES = ['registered', 'deactivated', 'reactivated', 'invited'] as const;

function noticeOf(done: string | undefined): string | undefined {
  return (NOTICES as readonly string[]).includes(done ?? '') ? done : undefined;
}

/**
 * Administrators keep the partner organisations (NGOs whose community mediators file reports)
 * and invite their mediators. A refused form comes back with the values typed.
 */
@ApiExcludeController()
@StaffAccess('administrator')
@Controller('staff/organisations')
export class PartnerOrganisationsController {
  constructor(private readonly organisations: PartnerOrganisations) {}

  @Get()
  @Page(LIST, { csrf: true })
  async list(
    @CurrentStaff() actor: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Query('done') done?: string,
  ) {
    return { ...(await this.listPage(actor, request)), notice: noticeOf(done) };
  }

  @Post()
  @PageForm(LIST, { again: 'listAgain', form: 'new-organisation' })
  async register(
    @CurrentStaff() actor: StaffPrincipal,
    @FormBody(PartnerOrganisationForm) form: PartnerOrganisationForm,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const id = await this.organisations.register(actor, form, requestMeta(request));
    return seeOther(`/staff/organisations/${id}?done=registered`);
  }

  @Get(':id')
  @Page(ONE, { csrf: true })
  async show(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('organisation_not_found')) id: string,
    @Req() request: FastifyRequest,
    @Query('done') done?: string,
  ) {
    return { ...(await this.onePage(actor, id, request)), notice: noticeOf(done) };
  }

  @Post([':id/deactivate', ':id/reactivate'])
  @PageForm(ONE, { again: 'oneAgain' })
  async setActive(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('organisation_not_found')) id: string,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const step = pathEnd(request) === 'deactivate' ? 'deactivate' : 'reactivate';
    await this.organisations.setActive(actor, id, step === 'reactivate', requestMeta(request));
    return seeOther(`/staff/organisations/${id}?done=${step}d`);
  }

  @Post(':id/mediators')
  @PageForm(ONE, { again: 'oneAgain', form: 'invite' })
  async invite(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('organisation_not_found')) id: string,
    @FormBody(InviteMediatorForm) form: InviteMediatorForm,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    await this.organisations.inviteMediator(actor, id, form, requestMeta(request));
    return seeOther(`/staff/organisations/${id}?done=invited`);
  }

  /** The list and the registration form again after a refusal, with what was typed. */
  async listAgain(request: FastifyRequest) {
    return this.listPage(request.staff!, request);
  }

  /** The organisation's page again after a refusal (none to show for an unknown one). */
  async oneAgain(request: FastifyRequest, refused: Refused) {
    if (refused.problem.status === 404) throw refused.error;
    return this.onePage(request.staff!, routeParam(request, 'id'), request);
  }

  private async listPage(actor: StaffPrincipal, request: FastifyRequest) {
    const locale = requestLocale(request);
    return {
      organisations: await this.organisations.list(actor, locale),
      municipalities: await this.organisations.municipalities(locale),
    };
  }

  private async onePage(actor: StaffPrincipal, id: string, request: FastifyRequest) {
    return this.organisations.get(actor, id, requestLocale(request));
  }
}
