import { SectionSpec, env } from '../env-schema';

export const identitySection = {
  loginMaxAttempts: env.int(
    'LOGIN_MAX_ATTEMPTS',
    'Wrong passwords or codes in a row before a staff account is locked',
    { default: '5', min: 1, max: 100 },
  ),
  loginLockMinutes: env.int('LOGIN_LOCK_MINUTES', 'How long a locked staff account stays locked', {
    default: '15',
    min: 1,
    max: 1440,
  }),
  sessionIdleMinutes: env.int(
    'SESSION_IDLE_MINUTES',
    'A staff session ends after this many minutes without a request',
    { default: '30', min: 1, max: 1440 },
  ),
  sessionAbsoluteHours: env.int(
    'SESSION_ABSOLUTE_HOURS',
    'A staff session ends this many hours after sign-in, however active',
    { default: '12', min: 1, max: 168 },
  ),
  invitationTtlHours: env.int(
    'INVITATION_TTL_HOURS',
    'Validity of a staff invitation link, in hours',
    { default: '72', min: 1, max: 720 },
  ),
  passwordResetTtlMinutes: env.int(
    'PASSWORD_RESET_TTL_MINUTES',
    'Validity of a password reset link, in minutes',
    { default: '60', min: 5, max: 1440 },
  ),
  loginRateLimit: env.int(
    'LOGIN_RATE_LIMIT',
    'Staff sign-in attempts (password or code) one client address may make per window (an office may share one address)',
    { default: '100', min: 1 },
  ),
  loginRateWindowSeconds: env.int(
    'LOGIN_RATE_WINDOW_SECONDS',
    'Window of the staff sign-in rate limit, in seconds',
    { default: '900', min: 1 },
  ),
} as const satisfies SectionSpec;
