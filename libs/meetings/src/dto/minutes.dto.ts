import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsString } from 'class-validator';
import { TextLength } from '@app/core';
import { trim } from './text-rules';

/** The minutes' text (the decisions are listed with it from their own records). */
export class MinutesDto {
  @ApiProperty({ maxLength: 50000 })
  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(1, 50000)
  text!: string;
}

/** A member's comment on an agenda item. */
export class CommentDto {
  @ApiProperty({ maxLength: 2000 })
  @IsDefined()
  @Transform(trim)
  @IsString()
  @TextLength(1, 2000)
  body!: string;
}
