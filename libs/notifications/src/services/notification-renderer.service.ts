import { Injectable } from '@nestjs/common';
import { Locale, ViewRenderer } from '@app/core';
import { composeMail, mailText } from '../domain/mail-content';
import { MailTemplate } from '../domain/mail-templates';

export interface RenderedMail {
  locale: Locale;
  subject: string;
  html: string;
  text: string;
}

/**
 * First step of sending: a template, a language and its parameters become the subject and the
 * HTML and text parts (HTML escaped by Nunjucks' autoescape).
 */
@Injectable()
export class NotificationRenderer {
  constructor(private readonly views: ViewRenderer) {}

  render(template: MailTemplate, locale: Locale, params: Record<string, string>): RenderedMail {
    const mail = composeMail(template, locale, params);
    return {
      locale: mail.locale,
      subject: mail.subject,
      html: this.views.render('notifications/mail.njk', { locale: mail.locale, mail }),
      text: mailText(mail),
    };
  }
}
