import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsOptional, IsString, IsUrl, MaxLength, Matches } from 'class-validator';
import { TextLength } from '@app/core';
import { trim } from './text-rules';

/** An administrator plans a meeting: when, and where or on which link (at least one). */
export class CreateMeetingDto {
  @ApiProperty({
    example: '2026-03-12T10:00',
    description:
      'Start; without a zone, a time in the installation’s time zone (as a form sends it)',
  })
  @IsDefined()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/)
  scheduledAt!: string;

  @ApiPropertyOptional({ maxLength: 300, example: 'Office of the Prime Minister, room 2' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(1, 300)
  place?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'https://meet.example.org/tg-2026-03' })
  @IsOptional()
  @Transform(trim)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  onlineLink?: string;
}
