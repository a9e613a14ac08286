import { ArgumentsHost, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ProblemDetailsFilter } from './problem-details.filter';

function fakeHttp(locale: string) {
  const request = {
    id: 'req-1',
    method: 'GET',
    url: '/api/v1/things/secret-value?page=123',
    headers: { 'accept-language': locale },
    cookies: {},
    query: {},
    routeOptions: { url: '/api/v1/things/:id' },
  } as unknown as FastifyRequest;
  const sent: { status?: number; body?: unknown } = {};
  const reply = {
    sent: false,
    header: () => reply,
    status: (status: number) => {
      sent.status = status;
      return reply;
    },
    send: (body: unknown) => {
      sent.body = body;
      return reply;
    },
  } as unknown as FastifyReply;
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('ProblemDetailsFilter', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers a value PostgreSQL refused with a 400 problem in the caller’s language, and warns with the route pattern, never the value', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const refused = new QueryFailedError(
      'SELECT 1 WHERE id = $1',
      ['secret-value'],
      Object.assign(new Error('invalid input syntax for type uuid: "secret-value"'), {
        code: '22P02',
      }),
    );
    const { host, sent } = fakeHttp('en');

    new ProblemDetailsFilter().catch(refused, host);

    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({
      status: 400,
      code: 'invalid_value',
      detail: 'A value in the request has the wrong form or is out of range.',
    });
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    const logged = warn.mock.calls[0][0] as Record<string, unknown>;
    expect(logged).toMatchObject({ route: '/api/v1/things/:id', sqlState: '22P02', method: 'GET' });
    expect(JSON.stringify(warn.mock.calls)).not.toContain('secret-value');
  });
});
