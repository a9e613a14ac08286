import { ApiProperty } from '@nestjs/swagger';

export class AuditLineDto {
  @ApiProperty({ description: 'Increasing number of the entry' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  actorId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  actorName!: string | null;

  @ApiProperty({ nullable: true, type: String })
  actorRole!: string | null;

  @ApiProperty()
  action!: string;

  @ApiProperty({ nullable: true, type: String })
  subjectType!: string | null;

  @ApiProperty({ nullable: true, type: String })
  subjectId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  ip!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditLineDto] })
  items!: AuditLineDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}
