import { Injectable } from '@nestjs/common';
import type { Locale } from '@app/core';
import { StaffHomeSection, StaffPrincipal } from '@app/identity';
import { MeetingViews } from './meeting-views.service';

/** How many meetings a member's home lists: the Group meets 3–4 times a year. */
const MEETINGS_SHOWN = 4;

/**
 * A Technical Group member's home: the meetings whose agenda is out and not yet closed, with
 * their agenda items, each a link to the item on the members' agenda (where comments are
 * written). Items the member is kept out of are not listed.
 */
@Injectable()
export class MemberHomeSection implements StaffHomeSection {
  readonly template = 'meetings/_member-home.njk';

  constructor(private readonly views: MeetingViews) {}

  async model(staff: StaffPrincipal, locale: Locale): Promise<Record<string, unknown> | null> {
    if (staff.role !== 'technical_group_member') return null;
    const list = await this.views.list(staff, { pageSize: 20 });
    const open = list.items
      .filter((m) => m.status === 'agenda_published' || m.status === 'held')
      .slice(0, MEETINGS_SHOWN);
    const meetings = [];
    for (const summary of open) {
      const meeting = await this.views.detail(staff, summary.id, locale);
      meetings.push({
        id: meeting.id,
        scheduledAt: meeting.scheduledAt,
        scheduledLocal: meeting.scheduledLocal,
        place: meeting.place ?? meeting.onlineLink,
        status: meeting.status,
        items: meeting.items
          .filter((item) => !item.excluded)
          .map((item) => ({
            id: item.id,
            position: item.position,
            reference: item.case.reference,
            area: item.case.area.label,
            municipality: item.case.municipality.label,
            comments: item.comments.length,
            decided: item.decision !== null,
          })),
      });
    }
    return { meetings };
  }
}
