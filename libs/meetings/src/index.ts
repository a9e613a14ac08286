/** Technical Group meetings: agenda, attendance, recusals, decisions, minutes and their PDFs. */
export * from './domain/decision-kinds';
export * from './domain/meeting-access';
export * from './domain/meeting-permissions';
export * from './domain/meeting-status.machine';
export * from './domain/meeting-time';
export * from './domain/quorum';
export * from './domain/recusal';
export * from './dto/meeting-view.dto';
export { MeetingActionForbiddenError } from './exceptions/meeting.errors';
export * from './entities/meeting.entity';
export * from './entities/meeting-agenda-item.entity';
export * from './entities/meeting-attendance.entity';
export * from './entities/meeting-comment.entity';
export * from './entities/meeting-decision.entity';
export * from './entities/meeting-recusal.entity';
export * from './services/meeting-agenda.service';
export * from './services/meeting-attendance.service';
export * from './services/meeting-comments.service';
export * from './services/meeting-decisions.service';
export * from './services/meeting-minutes.service';
export * from './services/meeting-views.service';
export * from './services/meetings.service';
export * from './services/member-home-section';
export * from './services/meeting-events';
export * from './meeting-events.module';
export * from './meetings.module';

import { Meeting } from './entities/meeting.entity';
import { MeetingAgendaItem } from './entities/meeting-agenda-item.entity';
import { MeetingAttendance } from './entities/meeting-attendance.entity';
import { MeetingComment } from './entities/meeting-comment.entity';
import { MeetingDecision } from './entities/meeting-decision.entity';
import { MeetingRecusal } from './entities/meeting-recusal.entity';
export const MEETING_ENTITIES = [
  Meeting,
  MeetingAgendaItem,
  MeetingAttendance,
  MeetingComment,
  MeetingDecision,
  MeetingRecusal,
];
