import { Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  FormBody,
  Page,
  PageForm,
  PageResult,
  PublicAccess,
  Redirect,
  RedirectForm,
  Refused,
  firstValues,
  pathEnd,
  seeOther,
  view,
} from '@app/core';
import { safeNextPath } from '../domain/safe-next';
import { CodeForm } from '../dto/code.form';
import { LoginForm } from '../dto/login.form';
import { LoginFailedError, SignInExpiredError } from '../exceptions/identity.errors';
import { SessionCookie } from '../http/session-cookie';
import { requestMeta } from '../http/staff-request';
import { StaffLogin } from '../services/staff-login.service';
import { StaffSessions } from '../services/staff-sessions.service';

function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/** The `next` of a posted form, when it is a path of this site. */
function nextOf(request: FastifyRequest): string | undefined {
  return safeNextPath(firstValues(request.body).next);
}

/**
 * Sign-in pages: password, then the code of the authenticator app (or its enrolment on the
 * first sign-in), and sign-out. Public by nature; the half-signed-in session decides.
 */
@ApiExcludeController()
@PublicAccess()
@Controller('staff')
export class StaffLoginController {
  constructor(
    private readonly login: StaffLogin,
    private readonly sessions: StaffSessions,
    private readonly cookie: SessionCookie,
  ) {}

  @Get('login')
  @Page('identity/login.njk', { csrf: true })
  async loginPage(@Req() request: FastifyRequest, @Query('next') rawNext?: string) {
    const next = safeNextPath(rawNext);
    if (await this.sessions.authenticate(this.cookie.read(request))) {
      return seeOther(next ?? '/staff');
    }
    return { next };
  }

  @Post('login')
  @PageForm('identity/login.njk', { again: 'loginAgain' })
  async submitPassword(
    @FormBody(LoginForm) form: LoginForm,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const result = await this.login.passwordStep(form, requestMeta(request));
    return seeOther(withNext(`/staff/login/${result.next}`, nextOf(request))).with((reply) =>
      this.cookie.set(reply, result.token),
    );
  }

  @Get('login/totp')
  @Page('identity/totp.njk', { csrf: true })
  async codePage(@Req() request: FastifyRequest, @Query('next') rawNext?: string) {
    const next = safeNextPath(rawNext);
    const step = await this.login.pendingStep(this.cookie.read(request));
    if (step === null) return seeOther(withNext('/staff/login', next));
    if (step === 'enrol') return seeOther(withNext('/staff/login/enrol', next));
    return { next };
  }

  @Get('login/enrol')
  @Page('identity/enrol.njk', { csrf: true })
  enrolPage(@Req() request: FastifyRequest, @Query('next') rawNext?: string) {
    return this.enrolment(request, safeNextPath(rawNext));
  }

  /** The second factor: a code of the authenticator app, or the first one when enrolling. */
  @Post(['login/totp', 'login/enrol'])
  @PageForm('identity/totp.njk', { again: 'codeAgain' })
  async submitCode(
    @FormBody(CodeForm) form: CodeForm,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const [token, meta] = [this.cookie.read(request), requestMeta(request)];
    const issued =
      pathEnd(request) === 'enrol'
        ? await this.login.enrol(token, form.code, meta)
        : await this.login.secondFactorStep(token, form.code, meta);
    return seeOther(nextOf(request) ?? '/staff').with((reply) =>
      this.cookie.set(reply, issued.token),
    );
  }

  /** Ends the session of the cookie, if any; safe to repeat. */
  @Post('logout')
  @RedirectForm()
  async logout(@Req() request: FastifyRequest): Promise<Redirect> {
    await this.login.logout(this.cookie.read(request), requestMeta(request));
    return seeOther('/staff/login').with((reply) => this.cookie.clear(reply));
  }

  /** The sign-in form again, with the address typed (never the password). */
  loginAgain(request: FastifyRequest): PageResult {
    const email = firstValues(request.body).email ?? '';
    return { next: nextOf(request), values: { email: email.slice(0, 320) } };
  }

  /** The code page again (the enrolment page with the same QR code when enrolling). */
  async codeAgain(request: FastifyRequest, refused: Refused): Promise<PageResult> {
    const failed = this.stepFailed(request, refused);
    if (failed) return failed;
    if (pathEnd(request) !== 'enrol') return { next: nextOf(request) };
    const enrolment = await this.enrolment(request, nextOf(request));
    if (enrolment instanceof Redirect) return enrolment;
    return view('identity/enrol.njk', enrolment, refused.problem.status);
  }

  /** An expired sign-in starts again; a refused one ends the half-signed-in session. */
  private stepFailed(request: FastifyRequest, { problem, error }: Refused): PageResult | undefined {
    const next = nextOf(request);
    if (error instanceof SignInExpiredError) return seeOther(withNext('/staff/login', next));
    if (!(error instanceof LoginFailedError)) return undefined;
    return view('identity/login.njk', { next, values: { email: '' } }, problem.status).with(
      (reply) => this.cookie.clear(reply),
    );
  }

  /** The QR code and secret (the same ones again after a wrong code: the session keeps them). */
  private async enrolment(
    request: FastifyRequest,
    next: string | undefined,
  ): Promise<Record<string, unknown> | Redirect> {
    try {
      return { next, enrolment: await this.login.enrolment(this.cookie.read(request)) };
    } catch (error) {
      if (error instanceof SignInExpiredError || error instanceof LoginFailedError) {
        return seeOther(withNext('/staff/login', next));
      }
      throw error;
    }
  }
}
