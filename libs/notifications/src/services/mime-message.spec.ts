import { simpleParser, ParsedMail, AddressObject } from 'mailparser';
import addressparser from 'nodemailer/lib/addressparser';
import * as base64 from 'nodemailer/lib/base64';
import MailComposer from 'nodemailer/lib/mail-composer';
import * as mimeFuncs from 'nodemailer/lib/mime-funcs';
import * as qp from 'nodemailer/lib/qp';
import { LOCALES, ViewRenderer } from '@app/core';
import { MAIL_TEMPLATES, MailTemplate } from '../domain/mail-templates';
import { MimeMail, MimeMessageBuilder } from './mime-message';
import { NotificationRenderer } from './notification-renderer.service';

const renderer = new NotificationRenderer(new ViewRenderer());
const codecs = { addressparser, base64, mimeFuncs, qp };
const FROM = 'Platforma PMD <no-reply@pmd.localhost>';

function sample(template: MailTemplate): Record<string, string> {
  return Object.fromEntries(
    MAIL_TEMPLATES[template].params.map((p) => [
      p,
      /Url$/.test(p)
        ? `https://pmd.example/${p}/PMD-2026-00042?x=1&y=${'z'.repeat(90)}`
        : /Date|expiresAt/.test(p)
          ? '2026-03-12'
          : `PMD-2026-00042 ${p}`,
    ]),
  );
}

/** What nodemailer's MailComposer made of the same email (the sender's former way). */
async function composed(from: string, mail: MimeMail): Promise<ParsedMail> {
  const raw = await new MailComposer({
    from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: mail.messageId,
    headers: { 'Content-Language': mail.locale, 'Auto-Submitted': 'auto-generated' },
  })
    .compile()
    .build();
  return simpleParser(raw);
}

function addresses(value: AddressObject | AddressObject[] | undefined): unknown {
  return [value ?? []].flat().flatMap((a) => a.value.map(({ name, address }) => [name, address]));
}

function expectWellFormed(raw: Buffer): void {
  const text = raw.toString('utf8');
  expect(text).not.toMatch(/[^\r]\n/); // CRLF line ends only
  expect(text.endsWith('\r\n')).toBe(true);
  for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
}

describe('MimeMessageBuilder', () => {
  const builder = new MimeMessageBuilder(codecs, FROM);

  it.each(
    (Object.keys(MAIL_TEMPLATES) as MailTemplate[]).flatMap((t) =>
      LOCALES.map((l) => [t, l] as const),
    ),
  )('builds %s in %s as MailComposer does', async (template, locale) => {
    const rendered = renderer.render(template, locale, sample(template));
    const mail: MimeMail = {
      ...rendered,
      to: 'arta.berisha@example.org',
      messageId: '<0b5e6a34-0000-4000-8000-000000000042@pmd.localhost>',
    };
    const raw = builder.build(mail);
    expectWellFormed(raw);
    const [ours, theirs] = [await simpleParser(raw), await composed(FROM, mail)];
    expect(ours.subject).toBe(rendered.subject);
    expect(ours.text).toBe(theirs.text);
    expect(ours.html).toBe(theirs.html);
    expect(ours.messageId).toBe(mail.messageId);
    expect(addresses(ours.from)).toEqual([['Platforma PMD', 'no-reply@pmd.localhost']]);
    expect(addresses(ours.to)).toEqual([['', 'arta.berisha@example.org']]);
    expect(ours.headers.get('content-language')).toBe(rendered.locale);
    expect(ours.headers.get('auto-submitted')).toBe('auto-generated');
    expect(ours.headers.get('mime-version')).toBe('1.0');
    expect(ours.date).toBeInstanceOf(Date);
  });

  it('encodes a sender name outside ASCII, quotes one with specials, punycodes domains', async () => {
    const mail: MimeMail = {
      to: 'jõgeva@Bürgeramt.example',
      subject: 'Rast i ri: çështje "e re"',
      messageId: '<m@pmd.localhost>',
      locale: 'sq',
      text: 'Përshëndetje,\n\nrreshti i dytë\n',
      html: '<p>Përshëndetje</p>',
    };
    for (const from of [
      'Platforma për mbrojtje <no-reply@pmd.localhost>',
      'PMD, "Zyra" <no-reply@pmd.localhost>',
    ]) {
      const raw = new MimeMessageBuilder(codecs, from).build(mail);
      const [ours, theirs] = [await simpleParser(raw), await composed(from, mail)];
      expect(addresses(ours.from)).toEqual(addresses(theirs.from));
      expect(addresses(ours.to)).toEqual(addresses(theirs.to));
      expect(raw.toString('utf8')).toContain('\r\nTo: jõgeva@xn--brgeramt-65a.example\r\n');
      expect(ours.subject).toBe(mail.subject);
      expect(ours.text).toBe(theirs.text);
      expect(ours.html).toBe(theirs.html);
    }
  });

  it('sends Cyrillic text as base64 and Latin text as quoted-printable, as MailComposer', () => {
    const base = { to: 'a@example.org', subject: 'S', messageId: '<m@x>', locale: 'sr', html: '' };
    const cyrillic = builder
      .build({ ...base, text: 'Поднет је нови случај. Отворите случај.' })
      .toString();
    const latin = builder.build({ ...base, text: 'Podnet je novi slučaj.' }).toString();
    const ascii = builder.build({ ...base, text: 'A new case.' }).toString();
    expect(cyrillic).toContain(
      'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64',
    );
    expect(latin).toContain(
      'Content-Transfer-Encoding: quoted-printable\r\n\r\nPodnet je novi slu=C4=8Daj.',
    );
    expect(ascii).toContain('Content-Transfer-Encoding: 7bit\r\n\r\nA new case.\r\n');
  });

  it('keeps headers to one line each, whatever the values hold', async () => {
    const raw = builder.build({
      to: 'a@example.org',
      subject: 'Two\r\nBcc: x@example.org',
      messageId: '<m@x>',
      locale: 'en',
      text: 'x',
      html: 'x',
    });
    const parsed = await simpleParser(raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe('Two Bcc: x@example.org');
  });
});
