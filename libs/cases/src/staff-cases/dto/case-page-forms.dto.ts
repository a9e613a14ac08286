import { Allow } from 'class-validator';
import type { CaseStatus } from '../../workflow/domain/case-status.machine';
import { referralsFromForm } from '../../referrals/domain/referral-form';
import type {
  AssignmentRequestDto,
  ReferralRequestDto,
  TransitionRequestDto,
} from '../../workflow/dto/transition-request.dto';

/*
 * The forms of the staff case page. Their fields are checked where the API's are (the case
 * workflow names every missing or wrong field at once), so a form only maps to its command.
 */

type Field = string | string[] | undefined;

function first(value: Field): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' && one.trim() !== '' ? one : undefined;
}

function version(value: Field): number | undefined {
  const number = Number(first(value));
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** A step of the workflow, with the referral blocks of a step to `referred`. */
export class TransitionFormDto {
  @Allow() to?: Field;
  @Allow() reason?: Field;
  @Allow() expectedVersion?: Field;
  @Allow() assigneeId?: Field;
  @Allow() closureReason?: Field;
  @Allow() institutionCode?: Field;
  @Allow() municipalityCode?: Field;
  @Allow() recommendation?: Field;
  @Allow() summary?: Field;
  @Allow() responseDueDate?: Field;
  @Allow() contactPointId?: Field;
  @Allow() contactEmail?: Field;
  @Allow() contactEmailRepeat?: Field;
  @Allow() oneOffConfirmed?: Field;
  @Allow() outcomeMessage?: Field;

  /** The form's id on the case page (one form per step offered). */
  static formOf(body: unknown): string {
    const to = (body as Record<string, Field> | undefined)?.to;
    return `t-${first(to) ?? 'x'}`;
  }

  toCommand(): TransitionRequestDto {
    return {
      to: first(this.to) as CaseStatus,
      reason: first(this.reason) ?? null,
      expectedVersion: version(this.expectedVersion),
      assigneeId: first(this.assigneeId),
      closureReason: first(this.closureReason) as TransitionRequestDto['closureReason'],
      referrals: referralsFromForm(this) as ReferralRequestDto[],
      outcomeMessage: first(this.outcomeMessage) ?? null,
    };
  }
}

export class AssignmentFormDto {
  @Allow() assigneeId?: Field;
  @Allow() expectedVersion?: Field;

  toCommand(): AssignmentRequestDto {
    return {
      assigneeId: first(this.assigneeId) ?? '',
      expectedVersion: version(this.expectedVersion),
    };
  }
}

/** A note or a message to the reporter. */
export class TextFormDto {
  @Allow() body?: Field;

  get text(): string {
    return first(this.body) ?? '';
  }
}
