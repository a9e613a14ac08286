import { Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  APP_CONFIG,
  AppConfig,
  CsrfTokenInQuery,
  DomainError,
  Download,
  FormBody,
  Page,
  PageForm,
  PageResult,
  ParseIdPipe,
  PublicAccess,
  Redirect,
  RedirectForm,
  Refused,
  firstValues,
  formProblem,
  requestLocale,
  LOCALE_COOKIE,
  seeOther,
} from '@app/core';
import { FollowUpAccessDto } from '../dto/follow-up-access.dto';
import { MessageBodyDto } from '../dto/post-message.dto';
import {
  FollowUpForm,
  FollowUpPagesService,
  SIGN_IN_REFUSALS,
} from '../services/follow-up-pages.service';
import { FollowUpCookie, clientKey, multipartParts } from '../../common/controllers/http-context';

const SIGN_IN = 'cases/follow-up.njk';
export const FOLLOW_UP_CASE = 'cases/follow-up-case.njk';
export const SIGNED_OUT = '/follow-up?expired=1';

const NOTICES: Record<string, string> = {
  message: 'follow.message.sent',
  evidence: 'follow.evidence.added',
  withdrawn: 'follow.withdrawn',
  erased: 'follow.erased',
};

/** The follow-up case page again after a refused form, or sign-in when the session ended. */
export async function followUpAgain(
  pages: FollowUpPagesService,
  token: string | undefined,
  request: FastifyRequest,
  error: DomainError,
  form: FollowUpForm,
): Promise<PageResult> {
  const page = await pages.refusedPage(token, requestLocale(request), error, form);
  return page ? { page } : seeOther(SIGNED_OUT);
}

/** The reporter's pages to follow a case: sign in, status, messages, evidence, sign out. */
@ApiExcludeController()
@PublicAccess()
@Controller('follow-up')
export class FollowUpPagesController {
  private readonly cookie: FollowUpCookie;

  constructor(
    private readonly pages: FollowUpPagesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = new FollowUpCookie(config);
  }

  @Get()
  @Page(SIGN_IN, { csrf: true })
  signInForm(@Query('expired') expired: string | undefined) {
    return { form: this.pages.signInForm(), notice: expired ? 'follow.expired' : '' };
  }

  @Post()
  @PageForm(SIGN_IN, { again: 'signInAgain' })
  async signIn(
    @FormBody(FollowUpAccessDto, { ignoreUnknown: true }) form: FollowUpAccessDto,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const { token, locale } = await this.pages.signIn(form, clientKey(request));
    // The case opens in the language the reporter asked to be written in, unless they chose
    // the page's language themselves (the switcher's cookie): their choice stands.
    const chosen = Boolean(request.cookies?.[LOCALE_COOKIE]);
    const target = locale && !chosen ? `/follow-up/case?lang=${locale}` : '/follow-up/case';
    return seeOther(target).with((reply) => this.cookie.set(reply, token));
  }

  @Get('case')
  @Page(FOLLOW_UP_CASE, { csrf: true })
  async casePage(@Query('done') done: string | undefined, @Req() request: FastifyRequest) {
    const message = NOTICES[done ?? ''] ?? '';
    const token = this.cookie.token(request);
    const page = await this.pages.casePage(token, requestLocale(request), { message });
    return page ? { page } : seeOther(SIGNED_OUT);
  }

  @Post('messages')
  @PageForm(FOLLOW_UP_CASE, { again: 'caseAgain', form: 'body' })
  async postMessage(
    @FormBody(MessageBodyDto, { ignoreUnknown: true }) form: MessageBodyDto,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const sent = await this.pages.postMessage(this.cookie.token(request), form.body);
    return seeOther(sent ? '/follow-up/case?done=message#messages' : SIGNED_OUT);
  }

  /** Multipart: the CSRF token comes in the query string. */
  @Post('evidence')
  @CsrfTokenInQuery()
  @PageForm(FOLLOW_UP_CASE, { again: 'caseAgain', form: 'evidence' })
  async addEvidence(@Req() request: FastifyRequest): Promise<Redirect> {
    const token = this.cookie.token(request);
    const added = await this.pages.addEvidence(token, multipartParts(request));
    return seeOther(added ? '/follow-up/case?done=evidence#evidence' : SIGNED_OUT);
  }

  /** Always a download, never shown inline: the content was checked but is still untrusted. */
  @Get('evidence/:id')
  @Download()
  download(
    @Param('id', new ParseIdPipe('evidence_not_found')) id: string,
    @Req() request: FastifyRequest,
  ) {
    return this.pages.download(this.cookie.token(request), id);
  }

  @Post('sign-out')
  @RedirectForm()
  async signOut(@Req() request: FastifyRequest): Promise<Redirect> {
    await this.pages.signOut(this.cookie.token(request));
    return seeOther('/follow-up').with((reply) => this.cookie.clear(reply));
  }

  /** The sign-in form again: the reference kept, the code never shown again. */
  signInAgain(request: FastifyRequest, { error }: Refused) {
    if (!SIGN_IN_REFUSALS.some((type) => error instanceof type)) throw error;
    const problem = formProblem(error, requestLocale(request), { defaultField: 'reference' });
    const reference = firstValues(request.body).reference ?? '';
    return { form: this.pages.signInForm(reference, problem), values: {} };
  }

  caseAgain(request: FastifyRequest, { error, form }: Refused) {
    const token = this.cookie.token(request);
    return followUpAgain(this.pages, token, request, error, form as FollowUpForm);
  }
}
