import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsOptional, IsUUID } from 'class-validator';

/** The members present; every other active member is recorded absent. */
export class AttendanceDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  presentMemberIds!: string[];
}

/** The attendance form: checked boxes arrive as one value or several (none when all absent). */
export class AttendanceFormDto {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  present?: string[];
}

/** A member who declares a conflict of interest on one item. */
export class RecusalDto {
  @ApiProperty({ format: 'uuid' })
  @IsDefined()
  @IsUUID()
  memberId!: string;
}
