import { ExecutionContext, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { CsrfService, DomainError, PublicAccess, StaffAccess, TokenAccess } from '@app/core';
import { StaffPrincipal } from '../domain/staff-principal';
import { StaffOfRequest } from '../services/staff-of-request.service';
import { StaffSessions } from '../services/staff-sessions.service';
import { AccessGuard } from './access.guard';
import { SessionCookie } from './session-cookie';

const expert: StaffPrincipal = {
  id: '6b0c1f5e-4a8e-4f59-9a57-0c1c9d3c2a11',
  name: 'Besa',
  role: 'legal_expert',
  locale: 'sr',
  institutionCode: null,
};

class Routes {
  @PublicAccess() open() {}
  @TokenAccess() link() {}
  @StaffAccess('administrator') adminOnly() {}
  @StaffAccess() anyStaff() {}
  unmarked() {}
}

interface Setup {
  handler: keyof Routes;
  principal?: StaffPrincipal | null;
  method?: string;
  url?: string;
  csrfValid?: boolean;
  query?: Record<string, string>;
}

function run({
  handler,
  principal = null,
  method = 'GET',
  url = '/staff/x',
  csrfValid = false,
  query = {},
}: Setup) {
  const request = {
    method,
    url,
    query,
    routeOptions: { url },
    cookies: {},
  } as unknown as FastifyRequest;
  const context = {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  const remembered: { userId: string; locale: string }[] = [];
  const sessions = {
    authenticate: async () => principal,
    rememberLocale: async (userId: string, locale: string) => {
      remembered.push({ userId, locale });
    },
  } as unknown as StaffSessions;
  const cookie = { read: () => 'token' } as unknown as SessionCookie;
  const csrf = { verify: () => csrfValid } as unknown as CsrfService;
  const guard = new AccessGuard(new Reflector(), new StaffOfRequest(sessions, cookie), csrf);
  return { result: guard.canActivate(context), request, remembered };
}

async function refusal(setup: Setup): Promise<DomainError> {
  const error = await run(setup).result.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('AccessGuard', () => {
  it('refuses a route that declares no access rule, and says which in a warning', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = await refusal({ handler: 'unmarked', url: '/api/v1/forgotten/:id' });
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ route: '/api/v1/forgotten/:id', method: 'GET' }),
    );
    warn.mockRestore();
  });

  it('lets anyone call public and token routes', async () => {
    await expect(run({ handler: 'open', method: 'POST' }).result).resolves.toBe(true);
    await expect(run({ handler: 'link' }).result).resolves.toBe(true);
  });

  it('answers 401 with the sign-in page (and the way back) without a signed-in session', async () => {
    const error = await refusal({ handler: 'anyStaff', url: '/staff/cases?page=2' });
    expect(error).toMatchObject({ status: 401, code: 'authentication_required' });
    expect(error.extensions).toEqual({
      signInUrl: '/staff/login?next=%2Fstaff%2Fcases%3Fpage%3D2',
    });
  });

  it('answers 403 to a role the rule does not name', async () => {
    const error = await refusal({ handler: 'adminOnly', principal: expert });
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('attaches the staff member and their language, unless ?lang= asks for another', async () => {
    const { result, request } = run({ handler: 'anyStaff', principal: expert });
    await expect(result).resolves.toBe(true);
    expect(request.staff).toEqual(expert);
    expect(request.locale).toBe('sr');
    const chosen = run({ handler: 'anyStaff', principal: expert, query: { lang: 'en' } });
    await chosen.result;
    expect(chosen.request.locale).toBeUndefined();
  });

  it('keeps a language chosen with ?lang= on a page as the account language', async () => {
    const page = run({ handler: 'anyStaff', principal: expert, query: { lang: 'en' } });
    await page.result;
    expect(page.remembered).toEqual([{ userId: expert.id, locale: 'en' }]);
    expect(page.request.staff?.locale).toBe('en');
    const same = run({ handler: 'anyStaff', principal: expert, query: { lang: 'sr' } });
    await same.result;
    expect(same.remembered).toEqual([]);
    const api = run({
      handler: 'anyStaff',
      principal: expert,
      url: '/api/v1/cases',
      query: { lang: 'en' },
    });
    await api.result;
    expect(api.remembered).toEqual([]);
  });

  it('requires a CSRF token for state-changing staff requests', async () => {
    const error = await refusal({ handler: 'anyStaff', principal: expert, method: 'POST' });
    expect(error).toMatchObject({ status: 403, code: 'csrf_invalid' });
    const ok = run({ handler: 'anyStaff', principal: expert, method: 'DELETE', csrfValid: true });
    await expect(ok.result).resolves.toBe(true);
  });
});
