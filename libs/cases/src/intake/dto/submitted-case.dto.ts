import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SubmittedCaseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'PMD-2026-00042' })
  reference!: string;

  @ApiProperty({ example: 'submitted' })
  status!: 'submitted';

  @ApiPropertyOptional({
    example: '0123456789012345',
    description:
      'Only in the answer that filed the case, and shown once: only its argon2id hash is kept, ' +
      'so it can never be given again. Keep it with the reference. Absent from a repeat.',
  })
  receiptCode?: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ description: 'Evidence files received with the report' })
  evidenceCount!: number;

  @ApiProperty({
    example: false,
    description:
      'true when this answers a repeat (same Idempotency-Key and body) of a report already ' +
      'filed: the answer names the case filed the first time, and has no receiptCode, which ' +
      'was shown once in the first answer and is not shown again.',
  })
  alreadyReceived!: boolean;
}
