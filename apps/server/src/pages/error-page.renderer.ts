import { Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CsrfService,
  PageErrorRenderer,
  ProblemDetails,
  ViewRenderer,
  hasMessage,
  pageContext,
  requestLocale,
  sendPage,
  translate,
} from '@app/core';
import { StaffOfRequest } from '@app/identity';

/**
 * Errors of pages are shown as a page in the visitor's language, with the request id. Under
 * /staff the page keeps the back-office frame: the staff navigation and sign-out when signed
 * in (also for a path no route answers, where the access guard never ran).
 */
@Injectable()
export class ErrorPageRenderer implements PageErrorRenderer {
  private readonly logger = new Logger('ErrorPage');

  constructor(
    private readonly views: ViewRenderer,
    private readonly staffOfRequest: StaffOfRequest,
    private readonly csrf: CsrfService,
  ) {}

  render(request: FastifyRequest, reply: FastifyReply, problem: ProblemDetails): void {
    // A page that needs a signed-in user sends the visitor to sign in (and back afterwards).
    if (problem.status === 401 && typeof problem.signInUrl === 'string') {
      reply.redirect(problem.signInUrl, 303);
      return;
    }
    if (!StaffOfRequest.isStaffPath(request)) {
      sendPage(reply, this.views, 'error.njk', pageContext(request, { problem }), problem.status);
      return;
    }
    // Whatever fails while the staff frame is drawn, the visitor still gets the error page,
    // never a request left hanging.
    this.staffPage(request, reply, problem).catch((error: unknown) => {
      this.logger.warn({
        msg: 'staff error page not drawn',
        reqId: request.id,
        error: (error as Error).name,
      });
      if (!reply.sent) {
        sendPage(reply, this.views, 'error.njk', pageContext(request, { problem }), problem.status);
      }
    });
  }

  private async staffPage(
    request: FastifyRequest,
    reply: FastifyReply,
    problem: ProblemDetails,
  ): Promise<void> {
    const asked = requestLocale(request);
    let staff = null;
    try {
      staff = await this.staffOfRequest.find(request);
    } catch (error) {
      // The database is what failed: the error page goes out without the staff navigation.
      this.logger.warn({
        msg: 'staff of an error page unknown',
        reqId: request.id,
        error: (error as Error).name,
      });
    }
    const locale = requestLocale(request);
    if (locale !== asked) {
      // No route ran (an unknown path): the problem was worded before the account's language
      // was known.
      const title = translate(locale, `problem.${problem.status}`);
      const detailKey = `error.${problem.code}`;
      problem = {
        ...problem,
        title,
        detail: hasMessage(detailKey) ? translate(locale, detailKey) : title,
      };
    }
    const model = staff
      ? { problem, staffPage: true, staff, csrf: this.csrf.token(request, reply) }
      : { problem, staffPage: true };
    sendPage(reply, this.views, 'error.njk', pageContext(request, model), problem.status);
  }
}
