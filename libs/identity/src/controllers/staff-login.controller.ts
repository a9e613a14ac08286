import { Body, Controller, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfGuard, PublicAccess } from '@app/core';
import { safeNextPath } from '../domain/safe-next';
import { CodeForm } from '../dto/code.form';
import { LoginForm } from '../dto/login.form';
import { LoginFailedError, SignInExpiredError } from '../exceptions/identity.errors';
import { FormProblem, formProblem } from '../http/form-problem';
import { readForm } from '../http/read-form';
import { SessionCookie } from '../http/session-cookie';
import { StaffPages } from '../http/staff-pages';
import { requestMeta } from '../http/staff-request';
import { StaffLogin } from '../services/staff-login.service';
import { StaffSessions } from '../services/staff-sessions.service';

function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
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
    private readonly pages: StaffPages,
  ) {}

  @Get('login')
  async loginPage(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('next') rawNext?: string,
  ): Promise<FastifyReply> {
    const next = safeNextPath(rawNext);
    if (await this.sessions.authenticate(this.cookie.read(request))) {
      return reply.redirect(next ?? '/staff', 303);
    }
    return this.pages.render(request, reply, 'identity/login.njk', { next });
  }

  @Post('login')
  @UseGuards(CsrfGuard)
  async submitPassword(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    const raw = (body ?? {}) as Record<string, unknown>;
    const next = safeNextPath(raw.next);
    try {
      const form = readForm(LoginForm, body);
      const result = await this.login.passwordStep(form, requestMeta(request));
      this.cookie.set(reply, result.token);
      return reply.redirect(withNext(`/staff/login/${result.next}`, next), 303);
    } catch (error) {
      return this.loginAgain(request, reply, formProblem(error, reply), {
        next,
        email: typeof raw.email === 'string' ? raw.email.slice(0, 320) : '',
      });
    }
  }

  @Get('login/totp')
  async codePage(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('next') rawNext?: string,
  ): Promise<FastifyReply> {
    const next = safeNextPath(rawNext);
    const step = await this.login.pendingStep(this.cookie.read(request));
    if (step === null) return reply.redirect(withNext('/staff/login', next), 303);
    if (step === 'enrol') return reply.redirect(withNext('/staff/login/enrol', next), 303);
    return this.pages.render(request, reply, 'identity/totp.njk', { next });
  }

  @Post('login/totp')
  @UseGuards(CsrfGuard)
  async submitCode(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    const next = safeNextPath((body as Record<string, unknown> | undefined)?.next);
    try {
      const form = readForm(CodeForm, body);
      const issued = await this.login.secondFactorStep(
        this.cookie.read(request),
        form.code,
        requestMeta(request),
      );
      this.cookie.set(reply, issued.token);
      return reply.redirect(next ?? '/staff', 303);
    } catch (error) {
      if (error instanceof SignInExpiredError) {
        return reply.redirect(withNext('/staff/login', next), 303);
      }
      if (error instanceof LoginFailedError) {
        this.cookie.clear(reply);
        return this.loginAgain(request, reply, formProblem(error, reply), { next, email: '' });
      }
      const problem = formProblem(error, reply);
      return this.pages.render(
        request,
        reply,
        'identity/totp.njk',
        { next, ...problem },
        problem.status,
      );
    }
  }

  @Get('login/enrol')
  enrolPage(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('next') rawNext?: string,
  ): Promise<FastifyReply> {
    return this.showEnrolment(request, reply, safeNextPath(rawNext));
  }

  @Post('login/enrol')
  @UseGuards(CsrfGuard)
  async submitEnrolment(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    const next = safeNextPath((body as Record<string, unknown> | undefined)?.next);
    const token = this.cookie.read(request);
    try {
      const form = readForm(CodeForm, body);
      const issued = await this.login.enrol(token, form.code, requestMeta(request));
      this.cookie.set(reply, issued.token);
      return reply.redirect(next ?? '/staff', 303);
    } catch (error) {
      if (error instanceof SignInExpiredError) {
        return reply.redirect(withNext('/staff/login', next), 303);
      }
      if (error instanceof LoginFailedError) {
        this.cookie.clear(reply);
        return this.loginAgain(request, reply, formProblem(error, reply), { next, email: '' });
      }
      return this.showEnrolment(request, reply, next, formProblem(error, reply));
    }
  }

  /** Ends the session of the cookie, if any; safe to repeat. */
  @Post('logout')
  @UseGuards(CsrfGuard)
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    await this.login.logout(this.cookie.read(request), requestMeta(request));
    this.cookie.clear(reply);
    return reply.redirect('/staff/login', 303);
  }

  /** The QR code and secret (the same ones again after a wrong code: the session keeps them). */
  private async showEnrolment(
    request: FastifyRequest,
    reply: FastifyReply,
    next: string | undefined,
    problem?: FormProblem,
  ): Promise<FastifyReply> {
    try {
      const enrolment = await this.login.enrolment(this.cookie.read(request));
      return this.pages.render(
        request,
        reply,
        'identity/enrol.njk',
        { next, enrolment, ...problem },
        problem?.status ?? 200,
      );
    } catch (error) {
      if (error instanceof SignInExpiredError || error instanceof LoginFailedError) {
        return reply.redirect(withNext('/staff/login', next), 303);
      }
      throw error;
    }
  }

  private loginAgain(
    request: FastifyRequest,
    reply: FastifyReply,
    problem: FormProblem,
    values: { next?: string; email: string },
  ): FastifyReply {
    return this.pages.render(
      request,
      reply,
      'identity/login.njk',
      { next: values.next, values: { email: values.email }, ...problem },
      problem.status,
    );
  }
}
