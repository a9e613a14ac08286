import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ParseIdPipe, StaffAccess, requestLocale } from '@app/core';
import { CurrentStaff, StaffPrincipal } from '@app/identity';
import { ContactPointForm } from '../dto/contact-point.form';
import { DirectoryQueryDto } from '../dto/directory-query.dto';
import {
  ContactPointRecord,
  ImportResult,
  InstitutionDirectoryService,
} from '../services/institution-directory.service';
import { readDirectoryUpload } from '../services/directory-upload.reader';

/**
 * The institution directory for administrators (JSON): the contact points referrals go to, and
 * the CSV export and import for setting up another installation. Referrals name a contact
 * point by its `id` (`contactPointId`).
 */
@ApiTags('institution directory')
@StaffAccess('administrator')
@Controller('api/v1/directory')
export class DirectoryController {
  constructor(private readonly directory: InstitutionDirectoryService) {}

  @Get('contact-points')
  @Header('cache-control', 'no-store')
  list(
    @CurrentStaff() actor: StaffPrincipal,
    @Query() query: DirectoryQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ContactPointRecord[]> {
    return this.directory.list(
      actor,
      { institution: query.institution, municipality: query.municipality },
      requestLocale(request),
    );
  }

  @Post('contact-points')
  @Header('cache-control', 'no-store')
  async create(
    @CurrentStaff() actor: StaffPrincipal,
    @Body() body: ContactPointForm,
    @Req() request: FastifyRequest,
  ): Promise<ContactPointRecord> {
    const id = await this.directory.create(actor, body, request.ip ?? null);
    return this.directory.get(actor, id, requestLocale(request));
  }

  @Put('contact-points/:id')
  @Header('cache-control', 'no-store')
  async update(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('contact_point_not_found')) id: string,
    @Body() body: ContactPointForm,
    @Req() request: FastifyRequest,
  ): Promise<ContactPointRecord> {
    await this.directory.update(actor, id, body, request.ip ?? null);
    return this.directory.get(actor, id, requestLocale(request));
  }

  /** Ends a contact point: no longer offered from today; never deleted. */
  @Post('contact-points/:id/end')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async end(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('contact_point_not_found')) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ContactPointRecord> {
    await this.directory.end(actor, id, request.ip ?? null);
    return this.directory.get(actor, id, requestLocale(request));
  }

  @Get('export.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="institution-directory.csv"')
  @Header('cache-control', 'no-store')
  exportCsv(@CurrentStaff() actor: StaffPrincipal): Promise<string> {
    return this.directory.exportCsv(actor);
  }

  @Get('reference-data.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="reference-data.csv"')
  @Header('cache-control', 'no-store')
  taxonomyCsv(@CurrentStaff() actor: StaffPrincipal): Promise<string> {
    return this.directory.taxonomyCsv(actor);
  }

  /**
   * Imports a directory CSV (`{ "csv": "..." }`, or a multipart `directory` file) as a whole:
   * 400 `directory_import_invalid` names every bad row with its line, and nothing is written.
   */
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOkResponse({ description: 'How many contact points were created, updated, unchanged' })
  async import(
    @CurrentStaff() actor: StaffPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<ImportResult> {
    const text = await readDirectoryUpload(request);
    return this.directory.import(actor, text, request.ip ?? null);
  }
}
