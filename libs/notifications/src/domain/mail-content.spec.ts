import {
  LOCALES,
  Locale,
  ViewRenderer,
  loadCountryProfile,
  registeredMessages,
  useInstallationProfile,
  writtenMessage,
} from '@app/core';
import { NotificationRenderer } from '../services/notification-renderer.service';
import {
  MAIL_ACTIONS,
  MailContentError,
  composeMail,
  formatMailDate,
  mailLocale,
} from './mail-content';
import { MAIL_TEMPLATES, MailTemplate } from './mail-templates';

const SAMPLE: Record<string, string> = {
  reference: 'PMD-2026-00042',
  followUpUrl: 'https://pmd.example/follow-up',
  caseUrl: 'https://pmd.example/staff/cases/PMD-2026-00042',
  status: 'in_review',
  meetingDate: '2026-03-12',
  meetingUrl: 'https://pmd.example/staff/meetings/7',
  institution: 'Ombudsperson Institution',
  dueDate: '2026-04-30',
  responseUrl: 'https://pmd.example/referrals/respond/abc',
  name: 'Arta Berisha',
  inviteUrl: 'https://pmd.example/staff/invitations/xyz',
  expiresAt: '2026-02-01T10:30:00.000Z',
  resetUrl: 'https://pmd.example/staff/password-reset/xyz',
  stage: 'Triage',
  overdue: '3',
  references: 'PMD-2026-00042, PMD-2026-00043, PMD-2026-00044',
  listUrl: 'https://pmd.example/staff/cases?due=overdue',
  reportUrl: 'https://pmd.example/staff/partner/reports/PMD-2026-00042',
};

const TEMPLATES = Object.keys(MAIL_TEMPLATES) as MailTemplate[];

function paramsOf(template: MailTemplate): Record<string, string> {
  return Object.fromEntries(MAIL_TEMPLATES[template].params.map((p) => [p, SAMPLE[p]]));
}

const renderer = new NotificationRenderer(new ViewRenderer());

describe('email templates', () => {
  it.each(TEMPLATES.flatMap((t) => LOCALES.map((l) => [t, l] as const)))(
    'renders %s in %s with every placeholder filled',
    (template, locale) => {
      const mail = renderer.render(template, locale, paramsOf(template));
      for (const part of [mail.subject, mail.text, mail.html]) {
        expect(part).not.toMatch(/\{\w+\}/);
        expect(part).not.toContain('undefined');
        expect(part).not.toMatch(/\bmail\.[a-z_]+\.[a-z_]+/); // no untranslated key
      }
      const url = SAMPLE[MAIL_ACTIONS[template]];
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(`href="${url.replace(/&/g, '&amp;')}"`);
      expect(mail.html).toContain(`<html lang="${mail.locale}">`);
      if (MAIL_TEMPLATES[template].params.includes('reference' as never)) {
        expect(mail.subject).toContain(SAMPLE.reference);
      }
    },
  );

  it('uses in its texts only the parameters its template allows', () => {
    for (const locale of ['sq', 'sr', 'en', 'rom'] as const) {
      const keys = registeredMessages().filter(({ key }) => key.startsWith('mail.'));
      for (const { key } of keys) {
        const text = writtenMessage(locale, key) ?? '';
        const template = TEMPLATES.find((t) => key.startsWith(`mail.${t}.`));
        // `{office}`, the installation's office, is given to every e-mail (its signature).
        const allowed: readonly string[] = [
          'office',
          ...(template ? MAIL_TEMPLATES[template].params : []),
        ];
        const used = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect({ key, unknown: used.filter((p) => !allowed.includes(p)) }).toEqual({
          key,
          unknown: [],
        });
      }
    }
  });

  it('gives each template a link parameter it really takes', () => {
    for (const template of TEMPLATES) {
      expect(MAIL_TEMPLATES[template].params).toContain(MAIL_ACTIONS[template]);
    }
  });

  describe('to a reporter', () => {
    const reporterTemplates = TEMPLATES.filter((t) => MAIL_TEMPLATES[t].audience === 'reporter');
    // Words that would tell a reader of a shared inbox what the person did.
    const TELLING =
      /report|raport|prijav|discrimin|diskrimin|diskriminim|rasti|slučaj|case|status|PMD-/i;

    it('covers every template the case notifications send to reporters', () => {
      expect(reporterTemplates.sort()).toEqual([
        'case_received',
        'expert_message_reporter',
        'status_changed_reporter',
      ]);
    });

    it.each(reporterTemplates.flatMap((t) => LOCALES.map((l) => [t, l] as const)))(
      'says in %s (%s) only that there is news and where to read it',
      (template, locale) => {
        // Rows written before the change still carry the reference and status.
        const legacy: Record<string, string> = {
          ...paramsOf(template),
          reference: SAMPLE.reference,
          ...(template === 'status_changed_reporter' ? { status: 'not_discrimination' } : {}),
        };
        const mail = renderer.render(template, locale, legacy);
        expect(mail.locale).toBe(locale);
        const content = composeMail(template, locale, legacy);
        const words = [
          content.subject,
          ...content.paragraphs,
          content.action.label,
          ...content.signature,
          content.footer,
        ];
        for (const part of [...words, mail.subject, mail.text, mail.html]) {
          expect(part).not.toContain(SAMPLE.reference);
          expect(part.replace(SAMPLE.followUpUrl, '')).not.toMatch(TELLING);
        }
        expect(mail.text).toContain(SAMPLE.followUpUrl);
      },
    );

    it('gives the same neutral subject whatever happened', () => {
      for (const locale of LOCALES) {
        const subjects = new Set(
          reporterTemplates.map((t) => composeMail(t, locale, paramsOf(t)).subject),
        );
        expect(subjects.size).toBe(1);
      }
      expect(composeMail('case_received', 'en', paramsOf('case_received')).subject).toBe(
        'A message from the platform',
      );
    });
  });

  it('writes every email in the recipient language, Romani and Serbian Cyrillic included', () => {
    for (const template of TEMPLATES) {
      for (const locale of LOCALES) {
        expect({ template, locale: mailLocale(template, locale) }).toEqual({ template, locale });
      }
      const rom = composeMail(template, 'rom', paramsOf(template));
      const sq = composeMail(template, 'sq', paramsOf(template));
      expect(rom.subject).not.toBe(sq.subject);
      expect(rom.paragraphs).not.toEqual(sq.paragraphs);
    }
  });

  it('speaks the recipient language', () => {
    const subjects = (['sq', 'sr', 'sr-Cyrl', 'en', 'rom'] as Locale[]).map(
      (locale) =>
        composeMail('expert_message_reporter', locale, paramsOf('expert_message_reporter')).subject,
    );
    expect(subjects).toEqual([
      'Mesazh nga platforma',
      'Poruka sa platforme',
      'Порука са платформе',
      'A message from the platform',
      'Jekh lil katar i platforma',
    ]);
  });

  it('shows dates as day.month.year (the installation’s time zone)', () => {
    expect(formatMailDate('2026-04-30')).toBe('30.04.2026');
    // 23:30 UTC on 31 March is already 1 April in Kosovo (UTC+2 in summer).
    expect(formatMailDate('2026-03-31T23:30:00.000Z')).toBe('01.04.2026 01:30');
    expect(formatMailDate('soon')).toBe('soon');
  });

  it('escapes parameters in the HTML part', () => {
    const mail = renderer.render('referral_answered', 'en', {
      ...paramsOf('referral_answered'),
      institution: '<script>alert(1)</script> & Co',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
  });

  it('keeps a parameter on one line, so nothing can be added to the subject header', () => {
    const mail = composeMail('referral_answered', 'en', {
      ...paramsOf('referral_answered'),
      reference: 'PMD-2026-00001\r\nBcc: someone@example.org',
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('refuses unknown or missing parameters and links that are not http(s)', () => {
    expect(() =>
      composeMail('case_received', 'en', { ...paramsOf('case_received'), description: 'x' }),
    ).toThrow(MailContentError);
    expect(() => composeMail('case_received', 'en', { reference: 'PMD-2026-00001' })).toThrow(
      /lacks followUpUrl/,
    );
    expect(() =>
      composeMail('case_received', 'en', {
        ...paramsOf('case_received'),
        followUpUrl: 'javascript:alert(1)',
      }),
    ).toThrow(/not an http\(s\) link/);
  });
});

describe('the signature of e-mails to staff and institutions', () => {
  afterEach(() => useInstallationProfile(loadCountryProfile('kosovo')));

  it("names the installation's office, or the office that runs the platform where the profile names none", () => {
    useInstallationProfile(loadCountryProfile('kosovo'));
    const kosovo = renderer.render('staff_invitation', 'en', paramsOf('staff_invitation'));
    expect(kosovo.text).toContain('Office for Good Governance, Office of the Prime Minister');
    useInstallationProfile(loadCountryProfile('albania'));
    const albania = renderer.render('staff_invitation', 'en', paramsOf('staff_invitation'));
    expect(albania.text).toContain('The office that runs the platform');
    expect(albania.text).not.toMatch(/Good Governance|\{office\}/);
  });
});
