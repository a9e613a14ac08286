import {
  DEFAULT_LOCALE,
  Locale,
  installationTimeZone,
  installationDate,
  installationParams,
  writtenMessage,
} from '@app/core';
import { MAIL_TEMPLATES, MailTemplate, RecipientKind } from './mail-templates';

type ParamOf<T extends MailTemplate> = (typeof MAIL_TEMPLATES)[T]['params'][number];

/** The parameter of each template that is the link of its button. */
export const MAIL_ACTIONS: { [T in MailTemplate]: ParamOf<T> } = {
  case_received: 'followUpUrl',
  case_submitted_staff: 'caseUrl',
  case_assigned: 'caseUrl',
  reporter_message_staff: 'caseUrl',
  expert_message_reporter: 'followUpUrl',
  mediator_message: 'reportUrl',
  status_changed_reporter: 'followUpUrl',
  agenda_published: 'meetingUrl',
  referral_sent: 'responseUrl',
  referral_answered: 'caseUrl',
  referral_overdue_institution: 'responseUrl',
  referral_overdue_staff: 'caseUrl',
  clock_due_soon_staff: 'caseUrl',
  clock_overdue_staff: 'caseUrl',
  clock_digest_staff: 'listUrl',
  staff_invitation: 'inviteUrl',
  password_reset: 'resetUrl',
};

/**
 * Parameters a template no longer shows but that rows written before the change still carry:
 * dropped, so those emails are sent in the new neutral words instead of failing.
 */
const RETIRED_PARAMS: Partial<Record<MailTemplate, readonly string[]>> = {
  case_received: ['reference'],
  expert_message_reporter: ['reference'],
  status_changed_reporter: ['reference', 'status'],
};

const DATE_PARAMS = new Set(['dueDate', 'expiresAt', 'meetingDate']);

/** An email before it becomes HTML and text: the same words feed both. */
export interface MailContent {
  /** The language actually used (a language lacking the template falls back to Albanian). */
  locale: Locale;
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  linkHint: string;
  signature: string[];
  footer: string;
}

export class MailContentError extends Error {}

/** The written text of a key (Serbian Cyrillic: the Serbian Latin text transliterated). */
function lookup(locale: Locale, key: string): string | undefined {
  return writtenMessage(locale, key);
}

/** Reporters get a signature that does not say what the platform is for. */
function signatureKey(template: MailTemplate): string {
  return MAIL_TEMPLATES[template].audience === 'reporter'
    ? 'mail.signature.reporter'
    : 'mail.signature';
}

/**
 * The language of a template for a recipient: theirs when the template is fully written in it,
 * otherwise Albanian. Per template, so one email never mixes two languages.
 */
export function mailLocale(template: MailTemplate, locale: Locale): Locale {
  const keys = ['subject', 'body', 'action'].map((part) => `mail.${template}.${part}`);
  keys.push(
    'mail.greeting',
    signatureKey(template),
    'mail.link_hint',
    `mail.footer.${MAIL_TEMPLATES[template].audience}`,
  );
  return keys.every((key) => lookup(locale, key) !== undefined) ? locale : DEFAULT_LOCALE;
}

const TIME_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Hours and minutes in a time zone; made once per zone. */
function timeFormat(zone: string): Intl.DateTimeFormat {
  let made = TIME_FORMATS.get(zone);
  if (!made) {
    made = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    TIME_FORMATS.set(zone, made);
  }
  return made;
}

/** Dates come as ISO strings; people read them as day.month.year (the installation's time for instants). */
export function formatMailDate(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}.${day[2]}.${day[1]}`;
  const instant = new Date(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(instant.getTime())) {
    const [y, m, d] = installationDate(instant).split('-');
    const time = timeFormat(installationTimeZone()).format(instant);
    return `${d}.${m}.${y} ${time}`;
  }
  return value;
}

function text(locale: Locale, key: string, params: Record<string, string> = {}): string {
  const raw = lookup(locale, key) ?? lookup(DEFAULT_LOCALE, key);
  if (raw === undefined) throw new MailContentError(`No text for ${key}`);
  // The installation's words (`{office}` in the signature) are given to every e-mail as to every
  // message.
  const all = { ...installationParams(locale, raw), ...params };
  return raw.replace(/\{(\w+)\}/g, (match, name: string) => all[name] ?? match);
}

/**
 * Builds the words of one email. Refuses what would produce a broken or unsafe email: a
 * missing parameter, one the template does not take, or a link that is not http(s).
 */
export function composeMail(
  template: MailTemplate,
  requestedLocale: Locale,
  given: Record<string, string>,
): MailContent {
  const retired = RETIRED_PARAMS[template] ?? [];
  const params = Object.fromEntries(Object.entries(given).filter(([k]) => !retired.includes(k)));
  const spec = MAIL_TEMPLATES[template];
  const allowed = spec.params as readonly string[];
  const unexpected = Object.keys(params).filter((key) => !allowed.includes(key));
  if (unexpected.length > 0) {
    throw new MailContentError(`Template ${template} does not take ${unexpected.join(', ')}`);
  }
  const missing = allowed.filter((key) => typeof params[key] !== 'string' || params[key] === '');
  if (missing.length > 0) {
    throw new MailContentError(`Template ${template} lacks ${missing.join(', ')}`);
  }
  const locale = mailLocale(template, requestedLocale);
  const actionParam: string = MAIL_ACTIONS[template];
  const url = params[actionParam];
  if (!/^https?:\/\//i.test(url)) {
    throw new MailContentError(`Template ${template}: ${actionParam} is not an http(s) link`);
  }

  const shown: Record<string, string> = {};
  for (const [key, raw] of Object.entries(params)) {
    if (key === actionParam) continue;
    // A parameter is one line of text: no line breaks can reach the subject header.
    // eslint-disable-next-line no-control-regex
    const value = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    shown[key] = DATE_PARAMS.has(key) ? formatMailDate(value) : value;
  }

  const audience: RecipientKind = spec.audience;
  return {
    locale,
    subject: text(locale, `mail.${template}.subject`, shown),
    greeting:
      template === 'staff_invitation'
        ? text(locale, 'mail.staff_invitation.greeting', shown)
        : text(locale, 'mail.greeting'),
    paragraphs: text(locale, `mail.${template}.body`, shown).split(/\n{2,}/),
    action: { label: text(locale, `mail.${template}.action`), url },
    linkHint: text(locale, 'mail.link_hint'),
    signature: text(locale, signatureKey(template)).split('\n'),
    footer: text(locale, `mail.footer.${audience}`),
  };
}

/** The plain-text part: the same words, the link written out. */
export function mailText(content: MailContent): string {
  return [
    content.greeting,
    ...content.paragraphs,
    `${content.action.label}:\n${content.action.url}`,
    content.signature.join('\n'),
    `--\n${content.footer}`,
  ].join('\n\n');
}
