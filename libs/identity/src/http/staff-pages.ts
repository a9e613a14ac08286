import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfService, RenderContext, ViewRenderer, pageContext, sendPage } from '@app/core';
import './staff-request';

/**
 * Renders back-office pages: the page context plus the signed-in staff member (for the staff
 * navigation of "staff-layout.njk") and a CSRF token for its forms and the sign-out button.
 * Other contexts use it for their staff pages too.
 */
@Injectable()
export class StaffPages {
  constructor(
    private readonly views: ViewRenderer,
    private readonly csrf: CsrfService,
  ) {}

  context(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ): RenderContext {
    return pageContext(request, {
      staff: request.staff ?? null,
      csrf: this.csrf.token(request, reply),
      ...extra,
    });
  }

  render(
    request: FastifyRequest,
    reply: FastifyReply,
    template: string,
    extra: Record<string, unknown> = {},
    status = 200,
  ): FastifyReply {
    return sendPage(reply, this.views, template, this.context(request, reply, extra), status);
  }
}
