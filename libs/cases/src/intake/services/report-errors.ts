import { FormMessage, Locale, translate } from '@app/core';
import { DESCRIPTION_MAX } from '../dto/submit-case.dto';
import { EARLIEST_INCIDENT_DATE } from '../domain/case-submission';
import type { FormFields } from '../../evidence/services/evidence-upload.reader';

/** The rule a validator's message key names (`validation.isDefined` → `isDefined`). */
function ruleOf(messageKey: string): string {
  return messageKey.startsWith('validation.') ? messageKey.slice('validation.'.length) : '';
}

/**
 * The message a reporter reads for a question of the report form: one per question, in plain
 * words that say what to do ("Choose the municipality where it happened"), not the rule that
 * failed. Undefined: the rule's own message says it best (e.g. an evidence limit).
 */
function plainKey(field: string, messageKey: string, fields: FormFields): string | undefined {
  const rule = ruleOf(messageKey);
  if (!rule) return undefined;
  switch (field) {
    case 'description':
      return (fields.description?.[0] ?? '').trim().length > DESCRIPTION_MAX
        ? 'report.error.descriptionLong'
        : 'report.error.description';
    case 'incidentDate':
      if (rule === 'isDefined') return 'report.error.incidentDate';
      if (rule === 'isDateNotInFuture') return 'report.error.incidentDateFuture';
      if (rule === 'isDateNotBefore') return 'report.error.incidentDateEarly';
      return 'report.error.incidentDateReal';
    case 'municipality':
    case 'primaryArea':
    case 'grounds':
    case 'perpetratorKind':
    case 'community':
    case 'reporterRole':
    case 'anonymous':
    case 'contactName':
    case 'contactEmail':
    case 'contactPhone':
    case 'helperName':
      return `report.error.${field}`;
    case 'contact':
      return rule === 'contactMeansRequired' ? 'report.error.contactMeans' : 'report.error.contact';
    default:
      return 'report.error.choice';
  }
}

/**
 * The refused form's messages as a reporter reads them: one plain message per question, the
 * summary in the order of the questions on the page (`order`), never "label: message".
 */
export function plainReportErrors(
  errors: readonly FormMessage[],
  fields: FormFields,
  locale: Locale,
  order: readonly string[],
): FormMessage[] {
  const plain: FormMessage[] = [];
  for (const error of errors) {
    const key = error.field ? plainKey(error.field, error.messageKey, fields) : undefined;
    const message: FormMessage = key
      ? {
          field: error.field,
          messageKey: key,
          params: { date: EARLIEST_INCIDENT_DATE, max: DESCRIPTION_MAX },
          message: translate(locale, key, { date: EARLIEST_INCIDENT_DATE, max: DESCRIPTION_MAX }),
        }
      : error;
    // One message per question: a second broken rule of the same answer adds nothing.
    if (message.field && plain.some((p) => p.field === message.field)) continue;
    plain.push(message);
  }
  const rank = (e: FormMessage) => {
    const index = e.field ? order.indexOf(e.field) : -1;
    return index === -1 ? order.length : index;
  };
  return plain
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}
