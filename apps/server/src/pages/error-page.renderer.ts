import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageErrorRenderer, ProblemDetails, ViewRenderer, pageContext, sendPage } from '@app/core';

/** Errors of pages are shown as a page in the visitor's language, with the request id. */
@Injectable()
export class ErrorPageRenderer implements PageErrorRenderer {
  constructor(private readonly views: ViewRenderer) {}

  render(request: FastifyRequest, reply: FastifyReply, problem: ProblemDetails): void {
    // A page that needs a signed-in user sends the visitor to sign in (and back afterwards).
    if (problem.status === 401 && typeof problem.signInUrl === 'string') {
      reply.redirect(problem.signInUrl, 303);
      return;
    }
    sendPage(reply, this.views, 'error.njk', pageContext(request, { problem }), problem.status);
  }
}
