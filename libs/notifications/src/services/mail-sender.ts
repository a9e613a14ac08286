import type { Locale } from '@app/core';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  locale: Locale;
  /** Stable per outbox row, so a copy sent twice after a crash is recognisable as the same mail. */
  messageId: string;
}

/** Second step of sending: hands a rendered email to the mail system. */
export abstract class MailSender {
  abstract send(mail: OutgoingMail): Promise<void>;
  abstract close(): Promise<void>;
}
