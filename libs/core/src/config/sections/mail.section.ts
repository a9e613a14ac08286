import { SectionSpec, env } from '../env-schema';

export const mailSection = {
  smtpUrl: env.url('SMTP_URL', 'SMTP server for outgoing mail', ['smtp:', 'smtps:'], {
    default: 'smtp://127.0.0.1:1025',
  }),
  from: env.string('MAIL_FROM', 'Sender address of every email', {
    default: 'Platforma PMD <no-reply@pmd.localhost>',
  }),
} as const satisfies SectionSpec;
