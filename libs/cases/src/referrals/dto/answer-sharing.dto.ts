import { ApiProperty } from '@nestjs/swagger';
import { Allow, IsBoolean } from 'class-validator';

/** Whether the reporter may read an institution's answer on their follow-up page. */
export class AnswerSharingDto {
  @ApiProperty({ description: 'true: the reporter reads the answer; false: they do not' })
  @IsBoolean()
  shared!: boolean;
}

/** The same choice from the staff case page (a plain form: `shared` is `yes` or `no`). */
export class AnswerSharingFormDto {
  @Allow() shared?: string | string[];

  get isShared(): boolean {
    const value = Array.isArray(this.shared) ? this.shared[0] : this.shared;
    return value === 'yes';
  }
}
