import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  CsrfTokenInQuery,
  Page,
  PageForm,
  PageResult,
  PublicAccess,
  Redirect,
  Refused,
  TokenAccess,
  requestLocale,
  routeParam,
  seeOther,
  view,
} from '@app/core';
import {
  ReferralResponsePagesService,
  ResponsePageView,
} from '../services/referral-response-pages.service';
import { multipartParts } from '../../common/controllers/http-context';

const RESPOND = 'cases/referral-respond.njk';
// The token is a credential: the page must not leak it to other sites.
const NO_REFERRER = { 'referrer-policy': 'no-referrer' };

/** The packet and its form, or the page of a dead link (no form, so no CSRF token). */
function shown(page: ResponsePageView): PageResult {
  if (page.kind === 'form') return { page };
  const model = { reason: page.reason };
  return view('cases/referral-link-invalid.njk', model, page.status, { csrf: false });
}

/**
 * An institution answers a referral through the single-use link it was emailed, without an
 * account: the packet (case summary, recommendation, the reporter only with their consent),
 * then the answer with documents (multipart; the CSRF token rides in the query string).
 */
@ApiExcludeController()
@Controller('referrals')
export class ReferralResponsePagesController {
  constructor(private readonly pages: ReferralResponsePagesService) {}

  @Get('respond/:token')
  @TokenAccess()
  @Page(RESPOND, { csrf: true, headers: NO_REFERRER })
  async packet(@Param('token') token: string, @Req() request: FastifyRequest) {
    return shown(await this.pages.packetPage(token, requestLocale(request)));
  }

  @Post('respond/:token')
  @TokenAccess()
  @CsrfTokenInQuery()
  @PageForm(RESPOND, { again: 'answerAgain', headers: NO_REFERRER })
  async answer(@Param('token') token: string, @Req() request: FastifyRequest): Promise<Redirect> {
    await this.pages.answer(token, multipartParts(request));
    return seeOther('/referrals/answered');
  }

  @Get('answered')
  @PublicAccess()
  @Page('cases/referral-answered.njk')
  answered() {
    return {};
  }

  async answerAgain(request: FastifyRequest, { error }: Refused) {
    const token = routeParam(request, 'token');
    return shown(await this.pages.refusedPage(token, requestLocale(request), error));
  }
}
