import { Injectable } from '@nestjs/common';
import { Clock, Locale, PDF_LANGUAGE_TAGS, PdfBlock, PdfRenderer, translate } from '@app/core';
import { AgendaItemViewDto, MeetingDto } from '../dto/meeting-view.dto';

type T = (key: string, params?: Record<string, string | number>) => string;

/**
 * The printable agenda and minutes of a meeting as PDF, made here (no external service), from
 * the same view the pages show: no reporter identity can reach them, and an item a reader is
 * excluded from shows them only what the view shows them. Drawing happens off the request
 * thread ({@link PdfRenderer}).
 */
@Injectable()
export class MeetingPdf {
  constructor(
    private readonly clock: Clock,
    private readonly renderer: PdfRenderer,
  ) {}

  agenda(meeting: MeetingDto, locale: Locale): Promise<Buffer> {
    const t: T = (key, params) => translate(locale, key, params);
    const blocks: PdfBlock[] = [heading(t('meetings.pdf.agenda_title'), 1)];
    blocks.push(...this.meetingFacts(meeting, t));
    if (meeting.items.length === 0) blocks.push(line(t('meetings.agenda.empty')));
    for (const item of meeting.items) {
      blocks.push(heading(`${item.position}. ${item.case.reference}`, 2));
      blocks.push(...this.caseFacts(item, t));
      blocks.push(
        labelled(t('meetings.item.summary'), item.summary ?? t('meetings.item.withheld')),
      );
      blocks.push(labelled(t('meetings.item.proposed_decision'), this.proposal(item, t)));
      blocks.push(...this.recusals(item, t));
    }
    return this.render(meeting, locale, t('meetings.pdf.agenda_title'), blocks);
  }

  minutes(meeting: MeetingDto, locale: Locale): Promise<Buffer> {
    const t: T = (key, params) => translate(locale, key, params);
    const blocks: PdfBlock[] = [heading(t('meetings.pdf.minutes_title'), 1)];
    if (!meeting.minutes?.approvedAt) blocks.push(line(t('meetings.minutes.draft'), true));
    blocks.push(...this.meetingFacts(meeting, t));

    blocks.push(heading(t('meetings.attendance.title'), 2));
    const present = meeting.attendance.filter((a) => a.present === true);
    const absent = meeting.attendance.filter((a) => a.present !== true);
    blocks.push(
      labelled(t('meetings.attendance.present'), present.map(member).join(', ') || '–'),
      labelled(t('meetings.attendance.absent'), absent.map(member).join(', ') || '–'),
    );

    blocks.push(heading(t('meetings.decisions.title'), 2));
    for (const item of meeting.items) {
      blocks.push(heading(`${item.position}. ${item.case.reference}`, 3));
      blocks.push(...this.caseFacts(item, t));
      const decision = item.decision;
      if (!decision) {
        blocks.push(line(t('meetings.decision.none')));
        continue;
      }
      blocks.push(
        labelled(t('meetings.decision.kind'), t(`meetings.decision.kind.${decision.kind}`)),
        labelled(t('meetings.decision.text'), decision.text ?? t('meetings.item.withheld')),
      );
      for (const referral of decision.referrals) {
        const target = referral.municipality
          ? `${referral.institution.label} (${referral.municipality.label})`
          : referral.institution.label;
        const due = `${target} — ${t('meetings.decision.due', { date: referral.responseDueDate })}`;
        blocks.push(
          labelled(
            t('meetings.decision.referral'),
            referral.recommendation === null ? due : `${due}\n${referral.recommendation}`,
          ),
        );
      }
      blocks.push(
        labelled(
          t('meetings.quorum.title'),
          t('meetings.quorum.recorded', {
            voting: decision.membersPresent - decision.membersRecused,
            required: decision.quorumRequired,
          }),
        ),
      );
      blocks.push(...this.recusals(item, t));
    }

    blocks.push(heading(t('meetings.minutes.title'), 2));
    blocks.push(meeting.minutes?.text ? { kind: 'text', text: meeting.minutes.text } : line('–'));
    if (meeting.minutes?.approvedAt) {
      blocks.push(
        { kind: 'gap', lines: 1 },
        line(
          t('meetings.minutes.approved_by', {
            date: meeting.minutes.approvedLocal ?? '',
            name: meeting.minutes.approvedBy ?? '',
          }),
        ),
      );
    }
    return this.render(meeting, locale, t('meetings.pdf.minutes_title'), blocks);
  }

  /**
   * The document in its language, with the Office's name and the meeting's facts at the top of
   * every page (a page read alone, or printed, still says whose and which meeting it is).
   */
  private render(
    meeting: MeetingDto,
    locale: Locale,
    title: string,
    blocks: PdfBlock[],
  ): Promise<Buffer> {
    const t: T = (key, params) => translate(locale, key, params);
    const where = meeting.place ?? meeting.onlineLink;
    return this.renderer.render({
      title: `${title} — ${meeting.scheduledLocal}`,
      lang: PDF_LANGUAGE_TAGS[locale],
      createdAt: this.clock.now().toISOString(),
      header: [
        t('meetings.pdf.office'),
        `${title}: ${t('meetings.pdf.meeting_of', { date: meeting.scheduledLocal })}`,
        ...(where ? [where] : []),
        t(`meetings.status.${meeting.status}`),
      ],
      pageLabel: t('meetings.pdf.page'),
      blocks,
    });
  }

  private meetingFacts(meeting: MeetingDto, t: T): PdfBlock[] {
    const blocks = [labelled(t('meetings.field.scheduled_at'), meeting.scheduledLocal)];
    if (meeting.place) blocks.push(labelled(t('meetings.field.place'), meeting.place));
    if (meeting.onlineLink)
      blocks.push(labelled(t('meetings.field.online_link'), meeting.onlineLink));
    blocks.push(labelled(t('meetings.field.status'), t(`meetings.status.${meeting.status}`)));
    return [...blocks, { kind: 'gap', lines: 0.5 }];
  }

  private caseFacts(item: AgendaItemViewDto, t: T): PdfBlock[] {
    const c = item.case;
    return [
      labelled(t('meetings.case.area'), c.area.label),
      labelled(t('meetings.case.grounds'), c.grounds.map((g) => g.label).join(', ')),
      labelled(t('meetings.case.municipality'), c.municipality.label),
      labelled(t('meetings.case.perpetrator'), c.perpetratorKind.label),
      labelled(t('meetings.case.community'), c.community.label),
      labelled(t('meetings.case.incident_date'), c.incidentDate),
    ];
  }

  private proposal(item: AgendaItemViewDto, t: T): string {
    const kind = t(`meetings.decision.kind.${item.proposedDecision}`);
    const to = item.proposedInstitutions.map((i) => i.label).join(', ');
    return to ? `${kind}: ${to}` : kind;
  }

  private recusals(item: AgendaItemViewDto, t: T): PdfBlock[] {
    if (item.recusals.length === 0) return [];
    return [
      labelled(
        t('meetings.recusal.title'),
        item.recusals
          .map((r) => `${r.memberName} (${t(`meetings.recusal.${r.reason}`)})`)
          .join(', '),
      ),
    ];
  }
}

function member(a: MeetingDto['attendance'][number]): string {
  return a.institution ? `${a.name} (${a.institution.label})` : a.name;
}

function heading(text: string, level: 1 | 2 | 3): PdfBlock {
  return { kind: 'heading', text, level };
}

function labelled(label: string, value: string): PdfBlock {
  return { kind: 'labelled', label, value };
}

function line(text: string, bold = false): PdfBlock {
  return bold ? { kind: 'line', text, bold } : { kind: 'line', text };
}
