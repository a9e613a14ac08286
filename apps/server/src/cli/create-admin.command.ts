import { isEmail } from 'class-validator';
import { DomainError, defaultLocale, isOfferedLocale, offeredLocales, translate } from '@app/core';
import { StaffAccounts } from '@app/identity';
import type { CliCommand } from './cli-command';

/**
 * The first administrator (there are no default credentials): creates the account and
 * prints a one-time link where its owner sets a password and the authenticator app.
 */
export const createAdminCommand: CliCommand = {
  name: 'create-admin',
  summary: 'Create an administrator and print a one-time enrolment link',
  usage: '--email <address> --name "<full name>" [--locale sq|sr|en|rom]',
  async run(app, options) {
    const { email, name, locale = defaultLocale() } = options;
    if (typeof email !== 'string' || !isEmail(email) || email.length > 320) {
      throw new Error('--email must be an email address');
    }
    if (typeof name !== 'string' || name.trim().length === 0 || name.trim().length > 200) {
      throw new Error('--name must be the full name (1 to 200 characters)');
    }
    if (!isOfferedLocale(locale)) {
      throw new Error(`--locale must be one of ${offeredLocales().join(', ')}`);
    }
    try {
      const { link } = await app.get(StaffAccounts).createAdministrator({ name, email, locale });
      process.stdout.write(
        [
          'Administrator created. Send this one-time link to its owner, privately:',
          `  ${link.url}`,
          `It works once, until ${link.expiresAt.toISOString()}; it asks for a password, then sets up the authenticator app.`,
          '',
        ].join('\n'),
      );
    } catch (error) {
      if (error instanceof DomainError) throw new Error(translate('en', `error.${error.code}`));
      throw error;
    }
  },
};
