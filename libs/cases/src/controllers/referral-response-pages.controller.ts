import { Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CsrfGuard,
  CsrfTokenInQuery,
  CsrfService,
  PublicAccess,
  TokenAccess,
  ViewRenderer,
  pageContext,
  requestLocale,
  sendPage,
} from '@app/core';
import {
  ReferralResponsePagesService,
  ShownResponsePage,
} from '../services/referral-response-pages.service';
import { multipartParts } from './http-context';

/**
 * An institution answers a referral through the single-use link it was emailed, without an
 * account: the packet (case summary, recommendation, the reporter only with their consent),
 * then the answer with documents (multipart; the CSRF token rides in the query string).
 */
@ApiExcludeController()
@Controller('referrals')
export class ReferralResponsePagesController {
  constructor(
    private readonly pages: ReferralResponsePagesService,
    private readonly views: ViewRenderer,
    private readonly csrf: CsrfService,
  ) {}

  @Get('respond/:token')
  @TokenAccess()
  async packet(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const view = await this.pages.packetPage(token, requestLocale(request));
    return this.send(request, reply, token, view);
  }

  @Post('respond/:token')
  @TokenAccess()
  @CsrfTokenInQuery()
  @UseGuards(CsrfGuard)
  async answer(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const view = await this.pages.answer(token, multipartParts(request), requestLocale(request));
    if (view.kind === 'answered') {
      return reply
        .code(303)
        .header('location', '/referrals/answered')
        .header('cache-control', 'no-store')
        .send();
    }
    return this.send(request, reply, token, view);
  }

  @Get('answered')
  @PublicAccess()
  answered(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    return sendPage(reply, this.views, 'cases/referral-answered.njk', pageContext(request));
  }

  private send(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    view: ShownResponsePage,
  ): FastifyReply {
    // The token is a credential: the page must not leak it to other sites.
    reply.header('referrer-policy', 'no-referrer');
    if (view.kind === 'invalid') {
      return sendPage(
        reply,
        this.views,
        'cases/referral-link-invalid.njk',
        pageContext(request, { reason: view.reason }),
        view.status,
      );
    }
    const csrf = this.csrf.token(request, reply);
    return sendPage(
      reply,
      this.views,
      'cases/referral-respond.njk',
      pageContext(request, {
        page: view,
        action: `/referrals/respond/${token}?_csrf=${encodeURIComponent(csrf)}`,
      }),
      view.status,
    );
  }
}
