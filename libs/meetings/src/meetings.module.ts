import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@app/cases';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { TaxonomyModule } from '@app/taxonomy';
import { MeetingPagesController } from './controllers/meeting-pages.controller';
import { MeetingsController } from './controllers/meetings.controller';
import { MeetingAgendaItem } from './entities/meeting-agenda-item.entity';
import { MeetingAttendance } from './entities/meeting-attendance.entity';
import { MeetingComment } from './entities/meeting-comment.entity';
import { MeetingDecision } from './entities/meeting-decision.entity';
import { MeetingRecusal } from './entities/meeting-recusal.entity';
import { Meeting } from './entities/meeting.entity';
import { MeetingDocuments } from './services/meeting-documents.service';
import { MeetingPagesService } from './services/meeting-pages.service';
import { MeetingPdf } from './services/meeting-pdf.service';
import { MeetingViews } from './services/meeting-views.service';
import { AgendaItems } from './services/agenda-items';
import { MeetingAgenda } from './services/meeting-agenda.service';
import { MeetingAttendanceService } from './services/meeting-attendance.service';
import { MeetingComments } from './services/meeting-comments.service';
import { MeetingDecisions } from './services/meeting-decisions.service';
import { MeetingMinutes } from './services/meeting-minutes.service';
import { MeetingsService } from './services/meetings.service';
import { MemberHomeSection } from './services/member-home-section';

/**
 * Technical Group meetings: agenda, attendance and recusals, one decision per item (applied to
 * the case through the case workflow), minutes, and their PDFs.
 */
@Module({
  imports: [
    CasesModule,
    IdentityModule,
    NotificationsModule,
    TaxonomyModule,
    TypeOrmModule.forFeature([
      Meeting,
      MeetingAgendaItem,
      MeetingAttendance,
      MeetingComment,
      MeetingDecision,
      MeetingRecusal,
    ]),
  ],
  controllers: [MeetingPagesController, MeetingsController],
  providers: [
    AgendaItems,
    MeetingAgenda,
    MeetingAttendanceService,
    MeetingComments,
    MeetingDecisions,
    MeetingDocuments,
    MeetingMinutes,
    MeetingPagesService,
    MeetingPdf,
    MeetingViews,
    MeetingsService,
    MemberHomeSection,
  ],
  exports: [
    MeetingAgenda,
    MeetingAttendanceService,
    MeetingComments,
    MeetingDecisions,
    MeetingMinutes,
    MeetingViews,
    MeetingsService,
    MemberHomeSection,
  ],
})
export class MeetingsModule {}
