import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MailQueueCountsDto {
  @ApiProperty({ description: 'Jobs waiting for a worker' })
  waiting!: number;
  @ApiProperty({ description: 'Jobs being sent now' })
  active!: number;
  @ApiProperty({ description: 'Jobs waiting for their next attempt (backoff)' })
  delayed!: number;
  @ApiProperty({
    description: 'Failed jobs kept for diagnosis (the last attempt of dead-lettered emails)',
  })
  failed!: number;
}

export class OutboxCountsDto {
  @ApiProperty({ description: 'Emails written, not yet on the queue' })
  pending!: number;
  @ApiProperty({ description: 'Emails on the queue, not yet sent' })
  queued!: number;
  @ApiProperty({ description: 'Dead-lettered emails: every attempt failed' })
  dead!: number;
}

export class NotificationSummaryDto {
  @ApiProperty({ type: OutboxCountsDto })
  outbox!: OutboxCountsDto;
  @ApiPropertyOptional({
    type: MailQueueCountsDto,
    nullable: true,
    description: 'Null when Redis does not answer',
  })
  queue!: MailQueueCountsDto | null;
}
