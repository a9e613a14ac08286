import { ArgumentsHost, Catch, ExceptionFilter, Inject, Logger, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { classifyError } from './classify-error';
import { DomainError } from './domain-error';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem';
import { hasMessage, translate } from '../i18n/message-catalog';
import { isPageRequest, requestLocale } from '../http/request-locale';

/** Renders an error as an HTML page for people (provided by the server app). */
export interface PageErrorRenderer {
  render(request: FastifyRequest, reply: FastifyReply, problem: ProblemDetails): void;
}
export const PAGE_ERROR_RENDERER = Symbol('PAGE_ERROR_RENDERER');

/** Describes an unexpected error for the log without the values a database error may quote. */
function describeForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) {
    const code = (error as { code?: unknown } | null)?.code;
    return { error: typeof error, errorCode: typeof code === 'string' ? code : undefined };
  }
  const driver = (error as { driverError?: { code?: string; constraint?: string; table?: string } })
    .driverError;
  if (driver) {
    // PostgreSQL messages can quote row values (e.g. a duplicate key), so only codes are kept.
    return {
      errorName: error.name,
      sqlState: driver.code,
      constraint: driver.constraint,
      table: driver.table,
    };
  }
  return {
    errorName: error.name,
    errorCode: (error as { code?: unknown }).code,
    stack: error.stack,
  };
}

/**
 * Writes every error as RFC 9457 problem details in the caller's language, with the request
 * id; pages get an HTML error page instead.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    @Optional() @Inject(PAGE_ERROR_RENDERER) private readonly pages?: PageErrorRenderer,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request);
    const classified = classifyError(exception);

    if (classified.refusedByDatabase) {
      // The route pattern and the SQLSTATE say which rule is missing; the value is never logged.
      this.logger.warn({
        msg: 'input refused by the database: an input rule is missing',
        reqId: request.id,
        method: request.method,
        route: request.routeOptions?.url ?? 'unmatched',
        sqlState: describeForLog(exception).sqlState ?? (exception as { code?: unknown }).code,
      });
    }
    if (classified.unexpected) {
      this.logger.error({
        msg: 'request failed',
        reqId: request.id,
        status: problem.status,
        ...describeForLog(exception),
      });
    }
    if (reply.sent) return;
    if (classified.retryAfterSeconds !== undefined) {
      reply.header('retry-after', String(classified.retryAfterSeconds));
    }
    if (this.pages && isPageRequest(request) && request.method === 'GET') {
      this.pages.render(request, reply, problem);
      return;
    }
    reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    const locale = requestLocale(request);
    const { status, code, params } = classifyError(exception);
    const detailKey = `error.${code}`;
    const title = translate(locale, `problem.${status}`);
    const problem: ProblemDetails = {
      type: problemType(code),
      title,
      status,
      detail: hasMessage(detailKey) ? translate(locale, detailKey, params) : title,
      instance: request.url.split('?')[0],
      code,
      requestId: String(request.id),
    };
    if (exception instanceof DomainError) {
      Object.assign(problem, exception.extensions);
      if (exception.fieldErrors.length > 0) {
        problem.errors = exception.fieldErrors.map((e) => ({
          field: e.field,
          code: e.code,
          message: translate(locale, e.messageKey, e.params),
        }));
      }
    }
    return problem;
  }
}
