import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLOCK_STAGES, ClockStage } from '../../clocks/domain/clock-stages';
import {
  CASE_STATUSES,
  CLOSURE_REASONS,
  CaseStatus,
  ClosureReason,
} from '../../workflow/domain/case-status.machine';
import {
  HISTORY_ACTOR_KINDS,
  HISTORY_EVENTS,
  HistoryActorKind,
  HistoryEvent,
} from '../../workflow/domain/history-actor';
import {
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  ReferralOutcome,
  ReferralStatus,
} from '../../referrals/domain/referral-rules';

export class StaffRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    description: 'Name; null for a former staff member',
    nullable: true,
    type: String,
  })
  name!: string | null;
}

/** Receipt codes guessed for the case's reference from many clients (DESIGN §7). */
export class ReceiptCodeAttackDto {
  @ApiProperty({ format: 'date-time', description: 'The latest wrong code while under attack' })
  lastAt!: string;

  @ApiProperty({ description: 'Wrong codes counted for the reference, from all clients' })
  wrongCodes!: number;
}

/** A row of the staff case list: no description, no identity. */
/** The clock of the case's current stage (DESIGN §7a). */
export class CaseClockDto {
  @ApiProperty({ enum: CLOCK_STAGES })
  stage!: ClockStage;

  @ApiProperty({
    format: 'date',
    description: 'Due date of the stage (the installation’s calendar)',
  })
  dueDate!: string;

  @ApiProperty({ description: 'Working days left to the due date; negative once it passed' })
  daysLeft!: number;

  @ApiProperty({ description: "Paused: the case waits for the reporter's answer" })
  waitingForReporter!: boolean;
}

export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'PMD-2026-00042' })
  reference!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiProperty()
  version!: number;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ description: 'Whole days since submission' })
  ageDays!: number;

  @ApiProperty()
  year!: number;

  @ApiProperty()
  community!: string;

  @ApiProperty()
  primaryArea!: string;

  @ApiProperty()
  municipality!: string;

  @ApiPropertyOptional({ type: StaffRefDto, nullable: true })
  assignee!: StaffRefDto | null;

  @ApiPropertyOptional({
    type: ReceiptCodeAttackDto,
    nullable: true,
    description:
      'Set when many wrong receipt codes were tried for the reference lately; the reporter can still sign in with the right code',
  })
  receiptCodeAttack!: ReceiptCodeAttackDto | null;

  @ApiProperty({ description: 'The reporter gave no contact details nor name' })
  anonymous!: boolean;

  @ApiProperty({ description: 'The reporter named hate crime among the grounds' })
  hateCrime!: boolean;
  @ApiPropertyOptional({
    type: CaseClockDto,
    nullable: true,
    description: 'In lists: the running clock of the case; null when none runs (final status)',
  })
  clock?: CaseClockDto | null;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseSummaryDto] })
  items!: CaseSummaryDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ description: 'Whether a next page exists' })
  hasMore!: boolean;

  @ApiProperty({
    description:
      'Matching cases, counted up to a cap (1,000; 100 with a free-text search; see totalIsExact): counting a million rows per page would cost more than the page',
  })
  total!: number;

  @ApiProperty({ description: 'False when more cases match than `total` says' })
  totalIsExact!: boolean;
}

export class EvidenceSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  mediaType!: string;

  @ApiProperty()
  sizeBytes!: number;

  @ApiProperty({ enum: ['reporter', 'staff'] })
  uploadedBy!: 'reporter' | 'staff';

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;
}

export class ReferralDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  mediaType!: string;

  @ApiProperty()
  sizeBytes!: number;
}

export class ReferralDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  institutionCode!: string;

  @ApiProperty({ nullable: true, type: String })
  municipalityCode!: string | null;

  @ApiProperty({ description: 'Institution name in the request language' })
  institution!: string;

  @ApiProperty()
  recommendation!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The case as told to the institution; null on referrals made before summaries',
  })
  summary!: string | null;

  @ApiProperty({ example: '2026-09-30' })
  responseDueDate!: string;

  @ApiProperty({ enum: REFERRAL_STATUSES })
  status!: ReferralStatus;

  @ApiProperty({ format: 'date-time' })
  sentAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  answeredAt!: string | null;

  @ApiProperty({ enum: REFERRAL_OUTCOMES, nullable: true })
  answerOutcome!: ReferralOutcome | null;

  @ApiProperty({ nullable: true, type: String, description: 'Only for those who handle the case' })
  answerText!: string | null;

  @ApiProperty({
    description:
      'Whether the legal expert shares the answer with the reporter (their follow-up page shows it); false until they do',
  })
  answerSharedWithReporter!: boolean;

  @ApiProperty({ nullable: true, type: String, description: 'Only for those who handle the case' })
  contactEmail!: string | null;

  @ApiProperty({
    enum: ['directory', 'one_off', 'legacy'],
    description:
      'Where the address came from: a contact point of the institution directory, a one-off address confirmed by a staff member, or typed before the directory existed',
  })
  recipient!: 'directory' | 'one_off' | 'legacy';

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  contactPointId!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The contact point’s unit (and municipality), when it went to one',
  })
  contactPoint!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Who confirmed a one-off address (name)',
  })
  oneOffConfirmedBy!: string | null;

  @ApiProperty({ format: 'date-time', description: 'Until when the response link works' })
  responseLinkExpiresAt!: string;

  @ApiProperty({ type: [ReferralDocumentDto] })
  documents!: ReferralDocumentDto[];
}

export class CasePermissionsDto {
  @ApiProperty({ description: 'Transitions, messages, evidence, notes' })
  handle!: boolean;

  @ApiProperty({ description: "May view the reporter's identity (an audited action)" })
  viewIdentity!: boolean;

  @ApiProperty()
  assign!: boolean;
}

/** A case as staff see it. The reporter's identity is never here: see POST .../identity. */
/** The community mediator who filed a report for the person, and their organisation. */
export class FiledByMediatorDto {
  @ApiProperty()
  mediator!: string;

  @ApiProperty()
  organisation!: string;

  @ApiProperty({ description: 'The person agreed that the mediator follows the case' })
  mayFollow!: boolean;
}

export class CaseDetailDto extends CaseSummaryDto {
  @ApiProperty({ type: [String] })
  grounds!: string[];

  @ApiProperty()
  perpetratorKind!: string;

  @ApiProperty()
  reporterRole!: string;

  @ApiProperty({ nullable: true, type: String })
  gender!: string | null;

  @ApiProperty({ nullable: true, type: String })
  ageGroup!: string | null;

  @ApiProperty({ example: '2026-01-15' })
  incidentDate!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  preferredLocale!: string;

  @ApiProperty({ description: 'The reporter left contact details (not shown here)' })
  hasContact!: boolean;

  @ApiProperty()
  consentContact!: boolean;

  @ApiProperty()
  consentShareIdentity!: boolean;

  @ApiProperty()
  filedWithHelp!: boolean;

  @ApiProperty({ nullable: true, type: String })
  helperKind!: string | null;

  @ApiProperty({
    nullable: true,
    type: FiledByMediatorDto,
    description: 'The community mediator who filed the report for the person, if one did',
  })
  filedBy!: FiledByMediatorDto | null;

  @ApiProperty({ enum: CLOSURE_REASONS, nullable: true })
  closureReason!: ClosureReason | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The legal expert’s message to the reporter about the decision the case has',
  })
  outcomeMessage!: string | null;

  @ApiProperty()
  personalDataErased!: boolean;

  @ApiProperty({ enum: CASE_STATUSES, isArray: true, description: 'What the caller may do now' })
  allowedTransitions!: CaseStatus[];

  @ApiProperty({ type: CasePermissionsDto })
  permissions!: CasePermissionsDto;

  @ApiProperty({ type: [EvidenceSummaryDto], description: 'Only for those who handle the case' })
  evidence!: EvidenceSummaryDto[];

  @ApiProperty({ type: [ReferralDto] })
  referrals!: ReferralDto[];
}

export class HistoryEntryDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ enum: HISTORY_EVENTS })
  event!: HistoryEvent;

  @ApiProperty({ enum: HISTORY_ACTOR_KINDS })
  actorKind!: HistoryActorKind;

  @ApiProperty({ nullable: true, type: String })
  actorId!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Staff member name, when staff acted' })
  actorName!: string | null;

  @ApiProperty({ enum: CASE_STATUSES, nullable: true })
  from!: CaseStatus | null;

  @ApiProperty({ enum: CASE_STATUSES })
  to!: CaseStatus;

  @ApiProperty({ nullable: true, type: String })
  reason!: string | null;

  @ApiProperty({ description: "Shown on the reporter's timeline" })
  public!: boolean;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  referralId!: string | null;
}

export class NoteDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  authorId!: string;

  @ApiProperty({ nullable: true, type: String })
  authorName!: string | null;

  @ApiProperty()
  body!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class StaffMessageDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['reporter', 'staff', 'mediator'] })
  author!: 'reporter' | 'staff' | 'mediator';

  @ApiProperty({ nullable: true, type: String })
  authorName!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "A mediator's message: the mediator's partner organisation",
  })
  organisation!: string | null;

  @ApiProperty()
  body!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readByReporterAt!: string | null;
}

export class ReporterIdentityDto {
  @ApiProperty()
  anonymous!: boolean;

  @ApiProperty({ description: 'Erased under the retention rules' })
  erased!: boolean;

  @ApiProperty({ nullable: true, type: String })
  name!: string | null;

  @ApiProperty({ nullable: true, type: String })
  email!: string | null;

  @ApiProperty({ nullable: true, type: String })
  phone!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Mediator or organisation who helped' })
  helperName!: string | null;

  @ApiProperty()
  consentContact!: boolean;

  @ApiProperty()
  consentShareIdentity!: boolean;
}

export class RenewedLinkDto {
  @ApiProperty({ description: 'Shown once; only its hash is kept' })
  responseUrl!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

export class PostedIdDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
