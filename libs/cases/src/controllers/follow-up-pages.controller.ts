import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  APP_CONFIG,
  AppConfig,
  CsrfGuard,
  CsrfService,
  CsrfTokenInQuery,
  ParseIdPipe,
  PublicAccess,
  ViewRenderer,
  pageContext,
  requestLocale,
  sendDownload,
  sendPage,
} from '@app/core';
import { CasePageView, FollowUpPagesService } from '../services/follow-up-pages.service';
import { FollowUpCookie, clientKey, multipartParts } from './http-context';

function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', location).header('cache-control', 'no-store').send();
}

/** The reporter's pages to follow a case: sign in, status, messages, evidence, sign out. */
@ApiExcludeController()
@PublicAccess()
@Controller('follow-up')
export class FollowUpPagesController {
  private readonly cookie: FollowUpCookie;

  constructor(
    private readonly pages: FollowUpPagesService,
    private readonly views: ViewRenderer,
    private readonly csrf: CsrfService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = new FollowUpCookie(config);
  }

  @Get()
  signInForm(
    @Query('expired') expired: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    const notice = expired ? 'follow.expired' : '';
    return this.sendSignIn(request, reply, this.pages.signInForm(), 200, notice);
  }

  @Post()
  @UseGuards(CsrfGuard)
  async signIn(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const outcome = await this.pages.signIn(body, clientKey(request), requestLocale(request));
    if (outcome.kind === 'signed_in') {
      this.cookie.set(reply, outcome.token);
      return seeOther(reply, '/follow-up/case');
    }
    if (outcome.retryAfterSeconds !== undefined) {
      reply.header('retry-after', String(outcome.retryAfterSeconds));
    }
    return this.sendSignIn(request, reply, outcome.view, outcome.status);
  }

  @Get('case')
  async casePage(
    @Query('done') done: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const message =
      done === 'message'
        ? 'follow.message.sent'
        : done === 'evidence'
          ? 'follow.evidence.added'
          : done === 'withdrawn' || done === 'erased'
            ? `follow.${done}`
            : '';
    const view = await this.pages.casePage(this.cookie.token(request), requestLocale(request), {
      message,
    });
    if (!view) return seeOther(reply, '/follow-up?expired=1');
    return this.sendCase(request, reply, view, 200);
  }

  @Post('messages')
  @UseGuards(CsrfGuard)
  async postMessage(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const outcome = await this.pages.postMessage(
      this.cookie.token(request),
      body,
      requestLocale(request),
    );
    if (outcome.kind === 'done') return seeOther(reply, '/follow-up/case?done=message#messages');
    if (outcome.kind === 'signed_out') return seeOther(reply, '/follow-up?expired=1');
    return this.sendCase(request, reply, outcome.view, outcome.status);
  }

  /** Multipart: the CSRF token comes in the query string. */
  @Post('evidence')
  @CsrfTokenInQuery()
  @UseGuards(CsrfGuard)
  async addEvidence(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const outcome = await this.pages.addEvidence(
      this.cookie.token(request),
      multipartParts(request),
      requestLocale(request),
    );
    if (outcome.kind === 'done') return seeOther(reply, '/follow-up/case?done=evidence#evidence');
    if (outcome.kind === 'signed_out') return seeOther(reply, '/follow-up?expired=1');
    return this.sendCase(request, reply, outcome.view, outcome.status);
  }

  /** Always a download, never shown inline: the content was checked but is still untrusted. */
  @Get('evidence/:id')
  async download(
    @Param('id', new ParseIdPipe('evidence_not_found')) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return sendDownload(reply, await this.pages.download(this.cookie.token(request), id));
  }

  @Post('sign-out')
  @UseGuards(CsrfGuard)
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    await this.pages.signOut(this.cookie.token(request));
    this.cookie.clear(reply);
    return seeOther(reply, '/follow-up');
  }

  private sendSignIn(
    request: FastifyRequest,
    reply: FastifyReply,
    form: ReturnType<FollowUpPagesService['signInForm']>,
    status: number,
    notice = '',
  ): FastifyReply {
    const csrf = this.csrf.token(request, reply);
    return sendPage(
      reply,
      this.views,
      'cases/follow-up.njk',
      pageContext(request, { form, csrf, notice }),
      status,
    );
  }

  private sendCase(
    request: FastifyRequest,
    reply: FastifyReply,
    view: CasePageView,
    status: number,
  ): FastifyReply {
    const csrf = this.csrf.token(request, reply);
    return sendPage(
      reply,
      this.views,
      'cases/follow-up-case.njk',
      pageContext(request, {
        page: view,
        csrf,
        evidenceAction: `/follow-up/evidence?_csrf=${encodeURIComponent(csrf)}`,
      }),
      status,
    );
  }
}
