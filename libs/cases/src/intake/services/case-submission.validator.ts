import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  Clock,
  FieldError,
  ValidationFailedError,
  installationDate,
  toFieldErrors,
} from '@app/core';
import { KnownCodes, NOT_RECORDED, TaxonomyKind, TaxonomyService } from '@app/taxonomy';
import { type CaseSubmission, EARLIEST_INCIDENT_DATE } from '../domain/case-submission';
import { SubmitCaseDto } from '../dto/submit-case.dto';

export interface SubmissionRules {
  knownCodes: KnownCodes;
  /** Today in the installation's time zone (YYYY-MM-DD): the incident cannot be later. */
  today: string;
}

const CODE_FIELDS: readonly [keyof SubmitCaseDto, TaxonomyKind][] = [
  ['community', 'community'],
  ['primaryArea', 'area'],
  ['municipality', 'municipality'],
  ['perpetratorKind', 'perpetrator_kind'],
  ['reporterRole', 'reporter_role'],
  ['gender', 'gender'],
  ['ageGroup', 'age_group'],
];

function fieldError(field: string, code: string): FieldError {
  return { field, code, messageKey: `validation.${code}` };
}

/** A missing field gets one message ("required"), not one per rule it then also breaks. */
function onlyRequiredWhenMissing(errors: FieldError[]): FieldError[] {
  const missing = new Set(errors.filter((e) => e.code === 'isDefined').map((e) => e.field));
  return errors.filter((e) => !missing.has(e.field) || e.code === 'isDefined');
}

/**
 * Checks a report as a whole and lists every field's problem at once: types and lengths
 * (class-validator), codes against the reference data, the incident date against today, and
 * the rules between fields (an anonymous report has no contact; consent to be contacted needs
 * an email or phone). Unknown fields are refused. The JSON API and the web form share it.
 */
export async function validateCaseSubmission(
  body: unknown,
  rules: SubmissionRules,
): Promise<CaseSubmission> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationFailedError([], 'malformed_body');
  }
  const dto = plainToInstance(SubmitCaseDto, body);
  const errors = onlyRequiredWhenMissing(
    toFieldErrors(
      await validate(dto, {
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
        validationError: { target: true, value: false },
      }),
    ),
  );
  const failed = new Set(errors.map((e) => e.field));

  for (const [field, kind] of CODE_FIELDS) {
    const value = dto[field];
    if (typeof value === 'string' && value && !failed.has(field)) {
      if (!rules.knownCodes.isKnown(kind, value)) errors.push(fieldError(field, 'isKnownCode'));
    }
  }
  if (Array.isArray(dto.grounds) && !failed.has('grounds')) {
    dto.grounds.forEach((ground, index) => {
      if (!rules.knownCodes.isKnown('ground', ground)) {
        errors.push(fieldError(`grounds.${index}`, 'isKnownCode'));
      }
    });
  }
  if (!failed.has('incidentDate') && dto.incidentDate > rules.today) {
    errors.push(fieldError('incidentDate', 'isDateNotInFuture'));
  }
  if (!failed.has('incidentDate') && dto.incidentDate < EARLIEST_INCIDENT_DATE) {
    errors.push({
      ...fieldError('incidentDate', 'isDateNotBefore'),
      params: { 0: EARLIEST_INCIDENT_DATE },
    });
  }

  const contact = dto.contact;
  const hasContact = Boolean(contact && (contact.name || contact.email || contact.phone));
  if (dto.anonymous === true) {
    if (contact !== undefined) errors.push(fieldError('contact', 'notWithAnonymous'));
    if (dto.consentToContact) errors.push(fieldError('consentToContact', 'notWithAnonymous'));
    if (dto.consentToShareIdentity) {
      errors.push(fieldError('consentToShareIdentity', 'notWithAnonymous'));
    }
  } else if (dto.anonymous === false && ![...failed].some((f) => f.startsWith('contact'))) {
    if (!hasContact) {
      errors.push(fieldError('contact', 'contactRequired'));
    } else if (dto.consentToContact && !contact?.email && !contact?.phone) {
      errors.push(fieldError('contact', 'contactMeansRequired'));
    }
  }

  if (errors.length > 0) throw new ValidationFailedError(errors);
  return {
    community: dto.community,
    primaryArea: dto.primaryArea,
    grounds: dto.grounds,
    municipality: dto.municipality,
    incidentDate: dto.incidentDate,
    description: dto.description,
    perpetratorKind: dto.perpetratorKind,
    // Who the reporter is to the events is theirs to say; unsaid, it counts as not recorded.
    reporterRole: dto.reporterRole ?? NOT_RECORDED,
    gender: dto.gender ?? null,
    ageGroup: dto.ageGroup ?? null,
    preferredLanguage: dto.preferredLanguage ?? null,
    anonymous: dto.anonymous,
    contact:
      !dto.anonymous && contact
        ? { name: contact.name || null, email: contact.email || null, phone: contact.phone || null }
        : null,
    consentToContact: !dto.anonymous && dto.consentToContact === true,
    consentToShareIdentity: !dto.anonymous && dto.consentToShareIdentity === true,
    helper: dto.helper ? { kind: dto.helper.kind, name: dto.helper.name } : null,
  };
}

/** The validation of reports with the current reference data and today's date. */
@Injectable()
export class CaseSubmissionValidator {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly clock: Clock,
  ) {}

  async validate(body: unknown): Promise<CaseSubmission> {
    const knownCodes = await this.taxonomy.snapshot();
    return validateCaseSubmission(body, { knownCodes, today: installationDate(this.clock.now()) });
  }
}
