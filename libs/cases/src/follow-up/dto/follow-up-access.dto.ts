import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { IsCaseReference, IsReceiptCode } from '../../common/dto/text-rules';

/** Reference + receipt code, sent in a POST body so the code never lands in a URL or a log. */
export class FollowUpAccessDto {
  @ApiProperty({ example: 'PMD-2026-00042' })
  @IsDefined()
  @IsCaseReference()
  reference!: string;

  @ApiProperty({ example: '1234 5678 9012 3456', description: '16 digits; spaces allowed' })
  @IsDefined()
  @IsReceiptCode()
  receiptCode!: string;
}
