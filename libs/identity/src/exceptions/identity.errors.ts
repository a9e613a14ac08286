import { DomainError, ForbiddenError, NotFoundError, UnauthorizedError } from '@app/core';

export const SIGN_IN_PATH = '/staff/login';

/**
 * No signed-in staff session. The problem carries `signInUrl`; pages are redirected there
 * (with the page to come back to), API clients can follow it.
 */
export class AuthenticationRequiredError extends DomainError {
  constructor(next?: string) {
    super(
      'authentication_required',
      401,
      {},
      {
        signInUrl: next ? `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}` : SIGN_IN_PATH,
      },
    );
  }
}

/**
 * One answer for an unknown address, a wrong password, an account not yet set up, a
 * deactivated or a locked account: nothing tells an attacker which addresses exist.
 */
export class LoginFailedError extends UnauthorizedError {
  constructor() {
    super('login_failed');
  }
}

/** A role that may not change staff accounts (StaffPermissions), however it got here. */
export class StaffActionForbiddenError extends ForbiddenError {
  constructor() {
    super('staff_action_forbidden');
  }
}

/** A wrong or already used second-factor code (the password was right). */
export class TotpRejectedError extends UnauthorizedError {
  constructor() {
    super('totp_invalid');
  }
}

/** The half-signed-in session (password given, code not yet) is missing or over. */
export class SignInExpiredError extends UnauthorizedError {
  constructor() {
    super('sign_in_expired');
  }
}

/** An invitation or reset link that is unknown, used, replaced or expired (all look alike). */
export class LinkInvalidError extends NotFoundError {
  constructor() {
    super('link_invalid');
  }
}
