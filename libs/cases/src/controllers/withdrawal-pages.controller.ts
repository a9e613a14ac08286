import { Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  APP_CONFIG,
  AppConfig,
  DomainError,
  FormBody,
  FormProblem,
  PageForm,
  PublicAccess,
  Redirect,
  seeOther,
} from '@app/core';
import { WithdrawalFormDto } from '../dto/withdrawal-form.dto';
import { FollowUpPagesService } from '../services/follow-up-pages.service';
import { WithdrawalPagesService } from '../services/withdrawal-pages.service';
import { FOLLOW_UP_CASE, SIGNED_OUT, followUpAgain } from './follow-up-pages.controller';
import { FollowUpCookie } from './http-context';

/** The follow-up case page's forms to withdraw the case and to erase the personal data. */
@ApiExcludeController()
@PublicAccess()
@Controller('follow-up')
export class WithdrawalPagesController {
  private readonly cookie: FollowUpCookie;

  constructor(
    private readonly withdrawals: WithdrawalPagesService,
    private readonly pages: FollowUpPagesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = new FollowUpCookie(config);
  }

  @Post('withdraw')
  @PageForm(FOLLOW_UP_CASE, { again: 'caseAgain' })
  async withdraw(
    @FormBody(WithdrawalFormDto, { ignoreUnknown: true }) form: WithdrawalFormDto,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const done = await this.withdrawals.withdraw(this.cookie.token(request), form);
    return seeOther(done ? '/follow-up/case?done=withdrawn' : SIGNED_OUT);
  }

  @Post('erase')
  @PageForm(FOLLOW_UP_CASE, { again: 'caseAgain' })
  async erase(
    @FormBody(WithdrawalFormDto, { ignoreUnknown: true }) form: WithdrawalFormDto,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const done = await this.withdrawals.erase(this.cookie.token(request), form);
    return seeOther(done ? '/follow-up/case?done=erased' : SIGNED_OUT);
  }

  caseAgain(request: FastifyRequest, _problem: FormProblem, error: DomainError) {
    return followUpAgain(this.pages, this.cookie.token(request), request, error, 'confirm');
  }
}
