import { Body, Controller, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  APP_CONFIG,
  AppConfig,
  CsrfGuard,
  CsrfService,
  PublicAccess,
  ViewRenderer,
  pageContext,
  requestLocale,
  sendPage,
} from '@app/core';
import type { CaseActionOutcome } from '../services/follow-up-pages.service';
import { WithdrawalPagesService } from '../services/withdrawal-pages.service';
import { FollowUpCookie } from './http-context';

/** The follow-up case page's forms to withdraw the case and to erase the personal data. */
@ApiExcludeController()
@PublicAccess()
@Controller('follow-up')
export class WithdrawalPagesController {
  private readonly cookie: FollowUpCookie;

  constructor(
    private readonly withdrawals: WithdrawalPagesService,
    private readonly views: ViewRenderer,
    private readonly csrf: CsrfService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = new FollowUpCookie(config);
  }

  @Post('withdraw')
  @UseGuards(CsrfGuard)
  async withdraw(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const outcome = await this.withdrawals.submit(
      'withdraw',
      this.cookie.token(request),
      body,
      requestLocale(request),
    );
    return this.answer(request, reply, outcome, 'withdrawn');
  }

  @Post('erase')
  @UseGuards(CsrfGuard)
  async erase(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const outcome = await this.withdrawals.submit(
      'erase',
      this.cookie.token(request),
      body,
      requestLocale(request),
    );
    return this.answer(request, reply, outcome, 'erased');
  }

  private answer(
    request: FastifyRequest,
    reply: FastifyReply,
    outcome: CaseActionOutcome,
    done: string,
  ): FastifyReply {
    if (outcome.kind !== 'page') {
      const location =
        outcome.kind === 'done' ? `/follow-up/case?done=${done}` : '/follow-up?expired=1';
      return reply
        .code(303)
        .header('location', location)
        .header('cache-control', 'no-store')
        .send();
    }
    const csrf = this.csrf.token(request, reply);
    return sendPage(
      reply,
      this.views,
      'cases/follow-up-case.njk',
      pageContext(request, {
        page: outcome.view,
        csrf,
        evidenceAction: `/follow-up/evidence?_csrf=${encodeURIComponent(csrf)}`,
      }),
      outcome.status,
    );
  }
}
