import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsString } from 'class-validator';
import { TextLength } from '@app/core';
import { FollowUpAccessDto } from './follow-up-access.dto';
import { trimmed } from '../../common/dto/text-rules';

export const MESSAGE_MAX = 5000;

/** The text of a message to the legal expert. */
export class MessageBodyDto {
  @ApiProperty({ minLength: 1, maxLength: MESSAGE_MAX })
  @IsDefined()
  @Transform(trimmed)
  @IsString()
  @TextLength(1, MESSAGE_MAX)
  body!: string;
}

/** A reporter's message, authenticated with reference + receipt code. */
export class PostMessageDto extends FollowUpAccessDto {
  @ApiProperty({ minLength: 1, maxLength: MESSAGE_MAX })
  @IsDefined()
  @Transform(trimmed)
  @IsString()
  @TextLength(1, MESSAGE_MAX)
  body!: string;
}
