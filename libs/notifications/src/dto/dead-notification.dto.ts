import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { LOCALES, Locale } from '@app/core';
import { MAIL_TEMPLATES, MailTemplate, RecipientKind } from '../domain/mail-templates';

/** A dead-lettered email as administrators see it: never its recipient or its text. */
export class DeadNotificationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: Object.keys(MAIL_TEMPLATES) })
  template!: MailTemplate;
  @ApiProperty({ enum: LOCALES })
  locale!: Locale;
  @ApiProperty({ enum: ['reporter', 'staff', 'institution'] })
  recipientKind!: RecipientKind;
  @ApiPropertyOptional({ example: 'PMD-2026-00042', nullable: true })
  reference!: string | null;
  @ApiProperty()
  attempts!: number;
  @ApiPropertyOptional({ example: 'SMTP 451: 4.3.0 Try again later', nullable: true })
  lastError!: string | null;
  @ApiProperty()
  createdAt!: string;
  @ApiProperty()
  deadAt!: string;
}

export class DeadNotificationListDto {
  @ApiProperty({ type: [DeadNotificationDto] })
  items!: DeadNotificationDto[];
  @ApiProperty()
  total!: number;
  @ApiProperty()
  page!: number;
  @ApiProperty()
  pageSize!: number;
}

export class DeadNotificationQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class NotificationIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class RetriedNotificationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: ['pending'], description: 'The relay puts it on the queue again' })
  status!: 'pending';
}

/** Query of the administrators' page: paging, the language switcher and the retry notice. */
export class NotificationsPageQueryDto extends DeadNotificationQueryDto {
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;

  @IsOptional()
  @IsIn(['1'])
  retried?: '1';
}
