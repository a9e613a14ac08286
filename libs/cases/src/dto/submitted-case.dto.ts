import { ApiProperty } from '@nestjs/swagger';

export class SubmittedCaseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'PMD-2026-00042' })
  reference!: string;

  @ApiProperty({ example: 'submitted' })
  status!: 'submitted';

  @ApiProperty({
    example: '0123456789012345',
    description: 'Shown once: only its argon2id hash is stored. Keep it with the reference.',
  })
  receiptCode!: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ description: 'Evidence files received with the report' })
  evidenceCount!: number;
}
