/**
 * The catalogue of emails. Each template names the only parameters it may carry: references,
 * links, dates, never a reporter's identity or a case description (a test enforces it).
 */
export const MAIL_TEMPLATES = {
  // A reporter's email carries the follow-up link only: the inbox may be read by others.
  case_received: { audience: 'reporter', params: ['followUpUrl'] },
  case_submitted_staff: { audience: 'staff', params: ['reference', 'caseUrl'] },
  case_assigned: { audience: 'staff', params: ['reference', 'caseUrl'] },
  reporter_message_staff: { audience: 'staff', params: ['reference', 'caseUrl'] },
  expert_message_reporter: { audience: 'reporter', params: ['followUpUrl'] },
  // A community mediator following a report (an account like staff's): that a message waits,
  // never its text or the person's name.
  mediator_message: { audience: 'staff', params: ['reference', 'reportUrl'] },
  status_changed_reporter: { audience: 'reporter', params: ['followUpUrl'] },
  agenda_published: { audience: 'staff', params: ['meetingDate', 'meetingUrl'] },
  referral_sent: {
    audience: 'institution',
    params: ['reference', 'institution', 'dueDate', 'responseUrl'],
  },
  referral_answered: { audience: 'staff', params: ['reference', 'institution', 'caseUrl'] },
  referral_overdue_institution: {
    audience: 'institution',
    params: ['reference', 'institution', 'dueDate', 'responseUrl'],
  },
  referral_overdue_staff: {
    audience: 'staff',
    params: ['reference', 'institution', 'dueDate', 'caseUrl'],
  },
  clock_due_soon_staff: {
    audience: 'staff',
    params: ['reference', 'stage', 'dueDate', 'caseUrl'],
  },
  clock_overdue_staff: {
    audience: 'staff',
    params: ['reference', 'stage', 'dueDate', 'caseUrl'],
  },
  clock_digest_staff: { audience: 'staff', params: ['overdue', 'references', 'listUrl'] },
  staff_invitation: { audience: 'staff', params: ['name', 'inviteUrl', 'expiresAt'] },
  password_reset: { audience: 'staff', params: ['resetUrl', 'expiresAt'] },
} as const satisfies Record<string, { audience: RecipientKind; params: readonly string[] }>;

export type RecipientKind = 'reporter' | 'staff' | 'institution';
export type MailTemplate = keyof typeof MAIL_TEMPLATES;
export type MailParams<T extends MailTemplate> = Record<
  (typeof MAIL_TEMPLATES)[T]['params'][number],
  string
>;

export function isMailTemplate(value: string): value is MailTemplate {
  return Object.prototype.hasOwnProperty.call(MAIL_TEMPLATES, value);
}
