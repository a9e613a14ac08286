import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AgendaCaseFacts,
  AgendaProposal,
  type ContactPointGroup,
  InstitutionDirectoryService,
  REFERRAL_FORM_BLOCKS,
  displayDate,
} from '@app/cases';
import { Locale } from '@app/core';
import { StaffDirectory, StaffPrincipal } from '@app/identity';
import { LocalizedEntry, TaxonomyService } from '@app/taxonomy';
import { DECISION_KINDS, PROPOSED_DECISIONS } from '../domain/decision-kinds';
import { MeetingActions, MeetingPermissions } from '../domain/meeting-permissions';
import { MeetingListQueryDto } from '../dto/meeting-query.dto';
import { MeetingDto, MeetingListDto } from '../dto/meeting-view.dto';
import { MeetingViews } from './meeting-views.service';

export interface MeetingPage {
  meeting: MeetingDto;
  actions: MeetingActions;
  members: { id: string; name: string }[];
  institutions: LocalizedEntry[];
  municipalities: LocalizedEntry[];
  decisionKinds: readonly string[];
  proposals: readonly string[];
  /**
   * The institution directory's active contact points each agenda case's referral may go to,
   * by case id (the case's municipality first): decision recorders only.
   */
  contactPoints: Record<string, ContactPointGroup[]>;
  /** How many referral blocks the decision form offers (the case page's rule). */
  referralBlocks: number;
  /** Cases to put on the agenda next, the earliest decision target first (agenda editors). */
  proposedCases: (AgendaProposal & { dueText: string | null })[];
}

/** What the meeting pages show: the meeting, the forms the reader may use, and their choices. */
@Injectable()
export class MeetingPagesService {
  constructor(
    private readonly views: MeetingViews,
    private readonly directory: StaffDirectory,
    private readonly dataSource: DataSource,
    private readonly cases: AgendaCaseFacts,
    private readonly taxonomy: TaxonomyService,
    private readonly contactPoints: InstitutionDirectoryService,
  ) {}

  list(actor: StaffPrincipal, query: MeetingListQueryDto): Promise<MeetingListDto> {
    return this.views.list(actor, query);
  }

  async meeting(actor: StaffPrincipal, meetingId: string, locale: Locale): Promise<MeetingPage> {
    const meeting = await this.views.detail(actor, meetingId, locale);
    const actions = MeetingPermissions.actions(actor.role, meeting.status);
    const [members, snapshot, proposedCases] = await Promise.all([
      actions.recordRecusal ? this.directory.activeTechnicalGroupMembers() : Promise.resolve([]),
      this.taxonomy.snapshot(),
      actions.editAgenda
        ? this.cases.proposals(
            this.dataSource.manager,
            meeting.items.map((item) => item.case.id),
          )
        : Promise.resolve([]),
    ]);
    const offers = actions.decide
      ? await this.contactPoints.offeredFor(
          meeting.items.map((item) => item.case.municipality.code),
          locale,
        )
      : new Map<string | null, ContactPointGroup[]>();
    return {
      meeting,
      actions,
      contactPoints: Object.fromEntries(
        meeting.items.map((item) => [item.case.id, offers.get(item.case.municipality.code) ?? []]),
      ),
      members: members.map((m) => ({ id: m.id, name: m.name })),
      institutions: snapshot.list('institution', locale),
      municipalities: snapshot.list('municipality', locale),
      decisionKinds: DECISION_KINDS,
      proposals: PROPOSED_DECISIONS,
      referralBlocks: REFERRAL_FORM_BLOCKS,
      proposedCases: proposedCases.map((p) => ({
        ...p,
        dueText: p.dueDate ? displayDate(`${p.dueDate}T12:00:00Z`) : null,
      })),
    };
  }
}
