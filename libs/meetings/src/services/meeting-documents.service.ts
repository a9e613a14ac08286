import { Injectable } from '@nestjs/common';
import { Locale } from '@app/core';
import { StaffPrincipal } from '@app/identity';
import { MeetingDto } from '../dto/meeting-view.dto';
import { MeetingConflictError } from '../exceptions/meeting.errors';
import { MeetingPdf } from './meeting-pdf.service';
import { MeetingViews } from './meeting-views.service';

export interface PdfFile {
  filename: string;
  content: Buffer;
}

/** The agenda and the minutes of a meeting as documents: PDF downloads and printable pages. */
@Injectable()
export class MeetingDocuments {
  constructor(
    private readonly views: MeetingViews,
    private readonly pdf: MeetingPdf,
  ) {}

  async agendaPdf(actor: StaffPrincipal, meetingId: string, locale: Locale): Promise<PdfFile> {
    const meeting = await this.views.detail(actor, meetingId, locale);
    return {
      filename: `agenda-${meeting.scheduledLocal.slice(0, 10)}.pdf`,
      content: await this.pdf.agenda(meeting, locale),
    };
  }

  async minutesPdf(actor: StaffPrincipal, meetingId: string, locale: Locale): Promise<PdfFile> {
    const meeting = await this.minutes(actor, meetingId, locale);
    return {
      filename: `minutes-${meeting.scheduledLocal.slice(0, 10)}.pdf`,
      content: await this.pdf.minutes(meeting, locale),
    };
  }

  /**
   * The meeting with its minutes: there are none before the meeting is held, and members read
   * them once approved (administrators and legal experts also read the draft).
   */
  async minutes(actor: StaffPrincipal, meetingId: string, locale: Locale): Promise<MeetingDto> {
    const meeting = await this.views.detail(actor, meetingId, locale);
    if (meeting.status !== 'held' && meeting.status !== 'minutes_approved') {
      throw new MeetingConflictError('meeting_not_held', meeting.status);
    }
    if (!meeting.minutes) throw new MeetingConflictError('minutes_not_approved', meeting.status);
    return meeting;
  }
}
