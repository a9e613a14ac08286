import { Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  FormBody,
  Page,
  PageForm,
  Redirect,
  StaffAccess,
  requestLocale,
  seeOther,
} from '@app/core';
import { StaffPrincipal } from '../domain/staff-principal';
import { AccountLanguageForm } from '../dto/account-language.form';
import { CurrentStaff } from '../http/current-staff.decorator';
import { StaffAccounts } from '../services/staff-accounts.service';

const ACCOUNT = 'identity/account.njk';

/**
 * Every staff member's own account: who they are, the language they read and get mail in, and
 * the languages they can write to reporters in.
 */
@ApiExcludeController()
@StaffAccess()
@Controller('staff/account')
export class StaffAccountController {
  constructor(private readonly accounts: StaffAccounts) {}

  @Get()
  @Page(ACCOUNT, { csrf: true })
  async show(@Req() request: FastifyRequest, @Query('done') done?: string) {
    return { ...(await this.accountPage(request)), notice: done === 'language' ? done : null };
  }

  @Post()
  @PageForm(ACCOUNT, { again: 'accountPage' })
  async changeLanguage(
    @CurrentStaff() actor: StaffPrincipal,
    @FormBody(AccountLanguageForm) form: AccountLanguageForm,
  ): Promise<Redirect> {
    await this.accounts.changeOwnLanguages(actor, form);
    return seeOther('/staff/account?done=language');
  }

  async accountPage(request: FastifyRequest) {
    return { account: await this.accounts.own(request.staff!, requestLocale(request)) };
  }
}
