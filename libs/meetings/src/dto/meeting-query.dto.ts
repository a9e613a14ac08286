import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { LOCALES, Locale } from '@app/core';
import { MEETING_STATUSES, MeetingStatus } from '../domain/meeting-status.machine';

export class MeetingListQueryDto {
  @ApiPropertyOptional({ enum: MEETING_STATUSES })
  @IsOptional()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class MeetingIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class AgendaItemParams extends MeetingIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId!: string;
}

/** The list page's query: the API's filters and the language switcher. */
export class MeetingListPageQueryDto extends MeetingListQueryDto {
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
