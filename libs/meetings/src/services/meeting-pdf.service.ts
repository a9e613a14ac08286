import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { Clock, Locale, translate } from '@app/core';
import { AgendaItemViewDto, MeetingDto } from '../dto/meeting-view.dto';

/**
 * DejaVu Sans covers every letter of Albanian (ë, ç) and Serbian Latin (š, ž, đ, č, ć); it comes
 * from an npm package, so a fresh machine renders the same PDF without system fonts.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

type Doc = PDFKit.PDFDocument;

/**
 * The printable agenda and minutes of a meeting as PDF, made here (no external service), from
 * the same view the pages show: no reporter identity can reach them.
 */
@Injectable()
export class MeetingPdf {
  constructor(private readonly clock: Clock) {}

  agenda(meeting: MeetingDto, locale: Locale): Promise<Buffer> {
    const t = (key: string, params?: Record<string, string | number>) =>
      translate(locale, key, params);
    return this.render(t('meetings.pdf.agenda_title'), (doc) => {
      this.heading(doc, t('meetings.pdf.agenda_title'), 18);
      this.meetingFacts(doc, meeting, t);
      if (meeting.items.length === 0) this.line(doc, t('meetings.agenda.empty'));
      for (const item of meeting.items) {
        this.heading(doc, `${item.position}. ${item.case.reference}`, 13);
        this.caseFacts(doc, item, t);
        this.labelled(doc, t('meetings.item.summary'), item.summary);
        this.labelled(doc, t('meetings.item.proposed_decision'), this.proposal(item, t));
        this.recusals(doc, item, t);
      }
    });
  }

  minutes(meeting: MeetingDto, locale: Locale): Promise<Buffer> {
    const t = (key: string, params?: Record<string, string | number>) =>
      translate(locale, key, params);
    return this.render(t('meetings.pdf.minutes_title'), (doc) => {
      this.heading(doc, t('meetings.pdf.minutes_title'), 18);
      if (!meeting.minutes?.approvedAt) this.line(doc, t('meetings.minutes.draft'), BOLD);
      this.meetingFacts(doc, meeting, t);

      this.heading(doc, t('meetings.attendance.title'), 13);
      const present = meeting.attendance.filter((a) => a.present === true);
      const absent = meeting.attendance.filter((a) => a.present !== true);
      this.labelled(
        doc,
        t('meetings.attendance.present'),
        present.map((a) => this.member(a)).join(', ') || '–',
      );
      this.labelled(
        doc,
        t('meetings.attendance.absent'),
        absent.map((a) => this.member(a)).join(', ') || '–',
      );

      this.heading(doc, t('meetings.decisions.title'), 13);
      for (const item of meeting.items) {
        this.heading(doc, `${item.position}. ${item.case.reference}`, 12);
        this.caseFacts(doc, item, t);
        const decision = item.decision;
        if (!decision) {
          this.line(doc, t('meetings.decision.none'));
          continue;
        }
        this.labelled(
          doc,
          t('meetings.decision.kind'),
          t(`meetings.decision.kind.${decision.kind}`),
        );
        this.labelled(doc, t('meetings.decision.text'), decision.text);
        for (const referral of decision.referrals) {
          const target = referral.municipality
            ? `${referral.institution.label} (${referral.municipality.label})`
            : referral.institution.label;
          this.labelled(
            doc,
            t('meetings.decision.referral'),
            `${target} — ${t('meetings.decision.due', { date: referral.responseDueDate })}\n${referral.recommendation}`,
          );
        }
        this.labelled(
          doc,
          t('meetings.quorum.title'),
          t('meetings.quorum.recorded', {
            voting: decision.membersPresent - decision.membersRecused,
            required: decision.quorumRequired,
          }),
        );
        this.recusals(doc, item, t);
      }

      this.heading(doc, t('meetings.minutes.title'), 13);
      this.line(doc, meeting.minutes?.text ?? '–');
      if (meeting.minutes?.approvedAt) {
        doc.moveDown();
        this.line(
          doc,
          t('meetings.minutes.approved_by', {
            date: meeting.minutes.approvedLocal ?? '',
            name: meeting.minutes.approvedBy ?? '',
          }),
        );
      }
    });
  }

  private render(title: string, write: (doc: Doc) => void): Promise<Buffer> {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: title, Creator: 'PMD', CreationDate: this.clock.now() },
    });
    doc.registerFont('regular', REGULAR);
    doc.registerFont('bold', BOLD);
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    doc.font('regular').fontSize(10.5);
    write(doc);
    doc.end();
    return done;
  }

  private meetingFacts(doc: Doc, meeting: MeetingDto, t: (key: string) => string): void {
    this.labelled(doc, t('meetings.field.scheduled_at'), meeting.scheduledLocal);
    if (meeting.place) this.labelled(doc, t('meetings.field.place'), meeting.place);
    if (meeting.onlineLink) this.labelled(doc, t('meetings.field.online_link'), meeting.onlineLink);
    this.labelled(doc, t('meetings.field.status'), t(`meetings.status.${meeting.status}`));
    doc.moveDown(0.5);
  }

  private caseFacts(doc: Doc, item: AgendaItemViewDto, t: (key: string) => string): void {
    const c = item.case;
    this.labelled(doc, t('meetings.case.area'), c.area.label);
    this.labelled(doc, t('meetings.case.grounds'), c.grounds.map((g) => g.label).join(', '));
    this.labelled(doc, t('meetings.case.municipality'), c.municipality.label);
    this.labelled(doc, t('meetings.case.perpetrator'), c.perpetratorKind.label);
    this.labelled(doc, t('meetings.case.community'), c.community.label);
    this.labelled(doc, t('meetings.case.incident_date'), c.incidentDate);
  }

  private proposal(item: AgendaItemViewDto, t: (key: string) => string): string {
    const kind = t(`meetings.decision.kind.${item.proposedDecision}`);
    const to = item.proposedInstitutions.map((i) => i.label).join(', ');
    return to ? `${kind}: ${to}` : kind;
  }

  private recusals(doc: Doc, item: AgendaItemViewDto, t: (key: string) => string): void {
    if (item.recusals.length === 0) return;
    this.labelled(
      doc,
      t('meetings.recusal.title'),
      item.recusals.map((r) => `${r.memberName} (${t(`meetings.recusal.${r.reason}`)})`).join(', '),
    );
  }

  private member(a: MeetingDto['attendance'][number]): string {
    return a.institution ? `${a.name} (${a.institution.label})` : a.name;
  }

  private heading(doc: Doc, text: string, size: number): void {
    doc
      .moveDown(0.6)
      .font('bold')
      .fontSize(size)
      .text(text)
      .font('regular')
      .fontSize(10.5)
      .moveDown(0.3);
  }

  private labelled(doc: Doc, label: string, value: string): void {
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  }

  private line(doc: Doc, text: string, font = REGULAR): void {
    doc
      .font(font === BOLD ? 'bold' : 'regular')
      .text(text)
      .font('regular');
  }
}
