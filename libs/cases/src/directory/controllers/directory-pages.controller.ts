import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  CsrfTokenInQuery,
  Download,
  DownloadFile,
  FormBody,
  Page,
  PageForm,
  ParseIdPipe,
  Redirect,
  Refused,
  StaffAccess,
  bufferDownload,
  requestLocale,
  routeParam,
  seeOther,
} from '@app/core';
import { CurrentStaff, StaffPrincipal } from '@app/identity';
import { TaxonomyService } from '@app/taxonomy';
import { ContactPointForm } from '../dto/contact-point.form';
import { DirectoryQueryDto } from '../dto/directory-query.dto';
import {
  ContactPointRecord,
  InstitutionDirectoryService,
} from '../services/institution-directory.service';
import { readDirectoryUpload } from '../services/directory-upload.reader';

const LIST = 'cases/directory.njk';
const EDIT = 'cases/directory-contact.njk';
const IMPORT = 'cases/directory-import.njk';

/**
 * Administrators keep the institution directory: list (by institution and municipality), add,
 * edit and end contact points; export the directory and the reference data as CSV and import a
 * directory CSV. A refused form comes back with the values typed and an error summary.
 */
@ApiExcludeController()
@StaffAccess('administrator')
@Controller('staff/directory')
export class DirectoryPagesController {
  constructor(
    private readonly directory: InstitutionDirectoryService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  @Get()
  @Page(LIST, { csrf: true })
  async list(
    @CurrentStaff() actor: StaffPrincipal,
    @Query() query: DirectoryQueryDto,
    @Req() request: FastifyRequest,
  ) {
    return {
      ...(await this.listPage(actor, request, query)),
      notice: query.done,
      values: { activeFrom: this.directory.today() },
    };
  }

  @Post()
  @PageForm(LIST, { again: 'listAgain', form: 'new-contact-point' })
  async create(
    @CurrentStaff() actor: StaffPrincipal,
    @FormBody(ContactPointForm) form: ContactPointForm,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    await this.directory.create(actor, form, request.ip ?? null);
    return seeOther('/staff/directory?done=created');
  }

  /** The directory as CSV, for setting up another installation. */
  @Get('export.csv')
  @Download()
  async exportCsv(@CurrentStaff() actor: StaffPrincipal): Promise<DownloadFile> {
    const csv = await this.directory.exportCsv(actor);
    return { ...bufferDownload('institution-directory.csv', Buffer.from(csv)), mediaType: CSV };
  }

  /** The reference data (every kind, its labels in each language) as CSV. */
  @Get('reference-data.csv')
  @Download()
  async taxonomyCsv(@CurrentStaff() actor: StaffPrincipal): Promise<DownloadFile> {
    const csv = await this.directory.taxonomyCsv(actor);
    return { ...bufferDownload('reference-data.csv', Buffer.from(csv)), mediaType: CSV };
  }

  @Get('import')
  @Page(IMPORT, { csrf: true })
  importPage() {
    return {};
  }

  /** Multipart: the CSRF token comes in the query string. */
  @Post('import')
  @CsrfTokenInQuery()
  @PageForm(IMPORT, { again: 'importAgain' })
  async importForm(@CurrentStaff() actor: StaffPrincipal, @Req() request: FastifyRequest) {
    const text = await readDirectoryUpload(request);
    return { result: await this.directory.import(actor, text, request.ip ?? null) };
  }

  @Get(':id')
  @Page(EDIT, { csrf: true })
  async edit(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('contact_point_not_found')) id: string,
    @Req() request: FastifyRequest,
  ) {
    const point = await this.directory.get(actor, id, requestLocale(request));
    return { point, values: valuesOf(point), ...(await this.choices(request)) };
  }

  @Post(':id')
  @PageForm(EDIT, { again: 'editAgain' })
  async update(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('contact_point_not_found')) id: string,
    @FormBody(ContactPointForm) form: ContactPointForm,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    await this.directory.update(actor, id, form, request.ip ?? null);
    return seeOther('/staff/directory?done=updated');
  }

  @Post(':id/end')
  @PageForm(LIST, { again: 'listAgain' })
  async end(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('contact_point_not_found')) id: string,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    await this.directory.end(actor, id, request.ip ?? null);
    return seeOther('/staff/directory?done=ended');
  }

  /** The list and the form to add one (again after a refusal, with what was typed). */
  async listAgain(request: FastifyRequest) {
    return this.listPage(request.staff as StaffPrincipal, request, {});
  }

  /** The edit form again after a refusal: the contact point, the values typed. */
  async editAgain(request: FastifyRequest, refused: Refused) {
    if (refused.problem.status !== 400) throw refused.error;
    const actor = request.staff as StaffPrincipal;
    const point = await this.directory.get(
      actor,
      routeParam(request, 'id'),
      requestLocale(request),
    );
    return { point, ...(await this.choices(request)) };
  }

  importAgain() {
    return {};
  }

  private async listPage(actor: StaffPrincipal, request: FastifyRequest, query: DirectoryQueryDto) {
    const filter = { institution: query.institution, municipality: query.municipality };
    return {
      points: await this.directory.list(actor, filter, requestLocale(request)),
      filter,
      ...(await this.choices(request)),
    };
  }

  private async choices(request: FastifyRequest) {
    const snapshot = await this.taxonomy.snapshot();
    const locale = requestLocale(request);
    return {
      institutions: snapshot.list('institution', locale),
      municipalities: snapshot.list('municipality', locale),
    };
  }
}

const CSV = 'text/csv; charset=utf-8';

/** The edit form filled in with the stored contact point. */
function valuesOf(point: ContactPointRecord): Record<string, string> {
  return {
    key: point.key,
    institutionCode: point.institutionCode,
    municipalityCode: point.municipalityCode ?? '',
    unit: point.unit,
    email: point.email,
    phone: point.phone ?? '',
    activeFrom: point.activeFrom,
    activeTo: point.activeTo ?? '',
  };
}
