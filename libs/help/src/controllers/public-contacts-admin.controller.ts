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
  routeParam,
  seeOther,
} from '@app/core';
import { CurrentStaff, StaffPrincipal } from '@app/identity';
import { PUBLIC_CONTACT_KINDS } from '../domain/public-contact-kinds';
import { PublicContactForm } from '../dto/public-contact.form';
import { PublicContactsService } from '../services/public-contacts.service';

const LIST = 'help/admin-contacts.njk';
const EDIT = 'help/admin-contact.njk';
const NOTICES = ['created', 'updated', 'deactivated', 'reactivated'] as const;

/**
 * Administrators keep the contact points the public pages show: list, add, edit, take off the
 * pages and put back. A refused form comes back with the values typed and an error summary.
 */
@ApiExcludeController()
@StaffAccess('administrator')
@Controller('staff/contacts')
export class PublicContactsAdminController {
  constructor(private readonly contacts: PublicContactsService) {}

  @Get()
  @Page(LIST, { csrf: true })
  async list(@CurrentStaff() actor: StaffPrincipal, @Query('done') done?: string) {
    const notice = (NOTICES as readonly string[]).includes(done ?? '') ? done : undefined;
    return { ...(await this.listPage(actor)), notice };
  }

  @Post()
  @PageForm(LIST, { again: 'listAgain', form: 'new-contact' })
  async create(
    @CurrentStaff() actor: StaffPrincipal,
    @FormBody(PublicContactForm) form: PublicContactForm,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    await this.contacts.create(actor, form, request.ip ?? null);
    return seeOther('/staff/contacts?done=created');
  }

  @Get(':id')
  @Page(EDIT, { csrf: true })
  async edit(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('public_contact_not_found')) id: string,
  ) {
    const contact = await this.contacts.get(actor, id);
    return { contact, kinds: PUBLIC_CONTACT_KINDS, values: valuesOf(contact) };
  }

  @Post(':id')
  @PageForm(EDIT, { again: 'editAgain' })
  async update(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('public_contact_not_found')) id: string,
    @FormBody(PublicContactForm) form: PublicContactForm,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    await this.contacts.update(actor, id, form, request.ip ?? null);
    return seeOther('/staff/contacts?done=updated');
  }

  @Post([':id/deactivate', ':id/reactivate'])
  @PageForm(LIST, { again: 'listAgain' })
  async setActive(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('public_contact_not_found')) id: string,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const step = pathEnd(request) === 'deactivate' ? 'deactivate' : 'reactivate';
    await this.contacts.setActive(actor, id, step === 'reactivate', request.ip ?? null);
    return seeOther(`/staff/contacts?done=${step}d`);
  }

  /** The list and the form to add one (again after a refusal, with what was typed). */
  async listAgain(request: FastifyRequest) {
    return this.listPage(request.staff as StaffPrincipal);
  }

  /** The edit form again after a refusal: the contact's id and name, the values typed. */
  async editAgain(request: FastifyRequest, refused: Refused) {
    // A contact that does not exist (or a role that may not) has no form to show again.
    if (refused.problem.status !== 400) throw refused.error;
    const actor = request.staff as StaffPrincipal;
    const contact = await this.contacts.get(actor, routeParam(request, 'id'));
    return { contact, kinds: PUBLIC_CONTACT_KINDS };
  }

  private async listPage(actor: StaffPrincipal) {
    return { contacts: await this.contacts.all(actor), kinds: PUBLIC_CONTACT_KINDS };
  }
}

/** The edit form filled in with the stored contact. */
function valuesOf(contact: Awaited<ReturnType<PublicContactsService['get']>>) {
  return {
    kind: contact.kind,
    nameSq: contact.names.sq,
    nameSr: contact.names.sr,
    nameEn: contact.names.en,
    nameRom: contact.names.rom,
    phone: contact.phone ?? '',
    email: contact.email ?? '',
    address: contact.address ?? '',
    website: contact.website ?? '',
    sortOrder: String(contact.sortOrder),
  };
}
