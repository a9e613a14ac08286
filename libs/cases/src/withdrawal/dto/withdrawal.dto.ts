import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import type { CaseStatus } from '../../workflow/domain/case-status.machine';
import { FollowUpAccessDto } from '../../follow-up/dto/follow-up-access.dto';

/** A reporter withdraws their case, and may ask for their personal data to be erased at once. */
export class WithdrawCaseDto extends FollowUpAccessDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Also erase the personal data now (contact details, description, messages, files)',
  })
  @IsOptional()
  @IsBoolean()
  erasePersonalData?: boolean;
}

/** What a withdrawal or an erasure left: the case stays, counted in the statistics. */
export class CaseWithdrawalDto {
  @ApiProperty({ example: 'PMD-2026-00042' })
  reference!: string;

  @ApiProperty({ example: 'closed' })
  status!: CaseStatus;

  @ApiProperty({ example: 'withdrawn', nullable: true, type: String })
  closureReason!: string | null;

  @ApiProperty()
  personalDataErased!: boolean;
}
