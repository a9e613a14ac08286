import { Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  APP_CONFIG,
  AppConfig,
  FormBody,
  PageForm,
  PublicAccess,
  Redirect,
  Refused,
  pathEnd,
  seeOther,
} from '@app/core';
import { WithdrawalFormDto } from '../dto/withdrawal-form.dto';
import { FollowUpPagesService } from '../../follow-up/services/follow-up-pages.service';
import { WithdrawalPagesService } from '../services/withdrawal-pages.service';
import {
  FOLLOW_UP_CASE,
  SIGNED_OUT,
  followUpAgain,
} from '../../follow-up/controllers/follow-up-pages.controller';
import { FollowUpCookie } from '../../common/controllers/http-context';

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

  /** `withdraw` (optionally erasing the personal data) or `erase`, once confirmed. */
  @Post(['withdraw', 'erase'])
  @PageForm(FOLLOW_UP_CASE, { again: 'caseAgain' })
  async act(
    @FormBody(WithdrawalFormDto, { ignoreUnknown: true }) form: WithdrawalFormDto,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const erase = pathEnd(request) === 'erase';
    const token = this.cookie.token(request);
    const done = erase
      ? await this.withdrawals.erase(token, form)
      : await this.withdrawals.withdraw(token, form);
    return seeOther(done ? `/follow-up/case?done=${erase ? 'erased' : 'withdrawn'}` : SIGNED_OUT);
  }

  caseAgain(request: FastifyRequest, { error }: Refused) {
    return followUpAgain(this.pages, this.cookie.token(request), request, error, 'confirm');
  }
}
