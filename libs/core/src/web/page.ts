import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  Res,
  SetMetadata,
  UseGuards,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, from, lastValueFrom } from 'rxjs';
import { DomainError } from '../errors/domain-error';
import { CsrfGuard, CsrfService } from '../http/csrf';
import { requestLocale } from '../http/request-locale';
import { ViewRenderer } from '../views/view-renderer';
import { pageContext, sendPage } from '../views/page';
import { DownloadFile, FileAnswer, sendDownload } from './download';
import { FormProblem, formProblem } from './form-problem';
import { formValues } from './read-form';
import { PageAnswer, Redirect, sendRedirect } from './redirect';

const PAGE = 'pmd:page';

export interface PageOptions {
  /** A CSRF token for the page's forms: `csrf`, and `csrfQuery` for multipart actions. */
  csrf?: boolean;
  /** Headers every answer of the route carries. */
  headers?: Record<string, string>;
}

/** A page's form: what shows the page again when the command is refused. */
export interface FormOptions extends PageOptions {
  /**
   * The controller's method that builds the page's model again after a refusal, called with
   * `(request, { problem, error, form })`; it may rethrow the error (no page to show it on) or
   * return a redirect. The page gets the model, the problem and the values typed (`values`).
   */
  again?: string;
  /** The form's id on the page (`failedForm`: the form kept open, the summary's link). */
  form?: string | ((request: FastifyRequest) => string);
}

interface PageMetadata extends FormOptions {
  template: string;
  download?: boolean;
}

/** Another template (or status) than the route's, e.g. a confirmation or a dead link. */
export class PageView extends PageAnswer {
  constructor(
    readonly template: string,
    readonly model: Record<string, unknown> = {},
    readonly status = 200,
    /** Whether it has a CSRF token; by default as its route says. */
    readonly csrf?: boolean,
  ) {
    super();
  }
}

export function view(
  template: string,
  model: Record<string, unknown> = {},
  status = 200,
  options: { csrf?: boolean } = {},
): PageView {
  return new PageView(template, model, status, options.csrf);
}

export type PageResult = Record<string, unknown> | Redirect | PageView;

/** A refused form: the problem as the page shows it, the error, and the form's id. */
export interface Refused {
  problem: FormProblem;
  error: DomainError;
  form: string;
}

/** The method that builds a page again after its form was refused. */
export type AgainFn = (
  request: FastifyRequest,
  refused: Refused,
) => Promise<PageResult> | PageResult;

/**
 * The answer of a page route: the handler returns the model of `template` (or a `Redirect`,
 * or a `PageView`) and never touches the reply. The reply is handed to this layer as an
 * extra, last argument, so Nest leaves the response to it.
 */
function pageRoute(metadata: Partial<PageMetadata> & { template: string }): MethodDecorator {
  const replyArgument: MethodDecorator = (target, key, descriptor) => {
    const handler = descriptor.value as unknown as (...args: unknown[]) => unknown;
    // After every declared parameter (the parameter decorators have run already).
    const declared = Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key) as
      Record<string, { index: number }> | undefined;
    const indexes = Object.values(declared ?? {}).map((arg) => arg.index + 1);
    Res()(target, key, Math.max(handler.length, ...indexes));
  };
  return applyDecorators(
    SetMetadata(PAGE, metadata),
    UseInterceptors(PageInterceptor),
    replyArgument,
  );
}

/** A page shown by a GET: the handler returns its model. */
export function Page(template: string, options: PageOptions = {}): MethodDecorator {
  return pageRoute({ template, ...options });
}

/**
 * A page's form (CSRF checked): the handler runs the command and returns where to go next
 * (or a `FileAnswer`, sent as a download);
 * with `again`, a refusal (a domain error) shows `template` again with the problem, the values
 * typed and the status of the problem (400, 403, 404, 409…); without, it is the error page.
 * Its page has a CSRF token unless `csrf: false`.
 */
export function PageForm(template: string, options: FormOptions = {}): MethodDecorator {
  return applyDecorators(UseGuards(CsrfGuard), pageRoute({ template, csrf: true, ...options }));
}

/**
 * A file sent as a download (never shown inline): the handler returns the stored file.
 * Nothing else of a page applies.
 */
export function Download(): MethodDecorator {
  return pageRoute({ template: '', download: true });
}

/** A form whose answer is a redirect only; a refusal is the error page. */
export function RedirectForm(): MethodDecorator {
  return PageForm('', { csrf: false });
}

@Injectable()
export class PageInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    private readonly views: ViewRenderer,
    private readonly csrf: CsrfService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<FastifyReply> {
    return from(this.answer(context, next));
  }

  private async answer(context: ExecutionContext, next: CallHandler): Promise<FastifyReply> {
    const page = this.reflector.get<PageMetadata>(PAGE, context.getHandler());
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (!page.download) {
      for (const [name, value] of Object.entries(page.headers ?? {})) reply.header(name, value);
    }
    let answer: PageResult | FileAnswer | undefined;
    try {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      if (page.download) return sendDownload(reply, result as unknown as DownloadFile);
      answer = result as PageResult | FileAnswer;
    } catch (error) {
      if (!page.again || !(error instanceof DomainError)) throw error;
      answer = await this.refused(context, page, request, error);
    }
    if (answer instanceof Redirect) return sendRedirect(reply, answer);
    if (answer instanceof FileAnswer) {
      for (const effect of answer.effects) effect(reply);
      // The answer to a form post is the file itself, not a resource it created.
      return sendDownload(reply.code(200), answer.file);
    }
    const shown = answer instanceof PageView ? answer : view(page.template, answer ?? {});
    for (const effect of shown.effects) effect(reply);
    const csrf = shown.csrf ?? page.csrf ?? false;
    const rendered = this.context(request, reply, csrf, shown.model);
    return sendPage(reply, this.views, shown.template, rendered, shown.status);
  }

  /** The page again with the refusal: its model, the problem, the values typed. */
  private async refused(
    context: ExecutionContext,
    page: PageMetadata,
    request: FastifyRequest,
    error: DomainError,
  ): Promise<PageResult> {
    const problem = formProblem(error, requestLocale(request));
    const form = typeof page.form === 'function' ? page.form(request) : page.form;
    const again = await this.again(context, page.again ?? '')(request, {
      problem,
      error,
      form: form ?? '',
    });
    if (again instanceof Redirect) return again;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (problem.retryAfterSeconds !== undefined) {
      reply.header('retry-after', String(problem.retryAfterSeconds));
    }
    const shown = again instanceof PageView ? again : view(page.template, again, problem.status);
    const model = {
      values: formValues(request.body),
      failedForm: form,
      problem,
      errors: problem.errors,
      invalid: problem.invalid,
      ...shown.model,
    };
    const result = view(shown.template, model, shown.status, { csrf: shown.csrf });
    result.effects.push(...shown.effects);
    return result;
  }

  private context(
    request: FastifyRequest,
    reply: FastifyReply,
    withCsrf: boolean,
    model: Record<string, unknown>,
  ) {
    // The signed-in staff member (set by the identity lib's guard), for the staff navigation.
    // A community mediator gets the same frame, with their own navigation.
    const signedIn = request as FastifyRequest & { staff?: unknown; mediator?: unknown };
    const staff = signedIn.staff ?? signedIn.mediator ?? null;
    if (!withCsrf) return pageContext(request, { staff, ...model });
    const csrf = this.csrf.token(request, reply);
    return pageContext(request, {
      staff,
      csrf,
      csrfQuery: `_csrf=${encodeURIComponent(csrf)}`,
      ...model,
    });
  }

  private again(context: ExecutionContext, name: string): AgainFn {
    const controller = this.moduleRef.get(context.getClass(), { strict: false }) as Record<
      string,
      unknown
    >;
    const method = controller[name];
    if (typeof method !== 'function') {
      throw new Error(`${context.getClass().name}.${name} builds no page again`);
    }
    return (method as AgainFn).bind(controller);
  }
}
