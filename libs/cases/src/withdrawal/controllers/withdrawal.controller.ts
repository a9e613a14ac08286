import { Body, Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PublicAccess } from '@app/core';
import { FollowUpAccessDto } from '../../follow-up/dto/follow-up-access.dto';
import { CaseWithdrawalDto, WithdrawCaseDto } from '../dto/withdrawal.dto';
import { WithdrawalService } from '../services/withdrawal.service';
import { clientKey } from '../../common/controllers/http-context';

/**
 * A reporter ends their case with reference + receipt code: withdraws it (closed, reason
 * `withdrawn`) and may have their personal data erased; the statistics keep the case.
 */
@ApiTags('follow-up')
@PublicAccess()
@Controller('api/v1/follow-up')
export class WithdrawalController {
  constructor(private readonly withdrawals: WithdrawalService) {}

  @Post('withdraw')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: CaseWithdrawalDto })
  @ApiNotFoundResponse({ description: 'Unknown reference or wrong code (the same answer)' })
  @ApiConflictResponse({ description: 'The case is past the point where it can be withdrawn' })
  withdraw(
    @Body() body: WithdrawCaseDto,
    @Req() request: FastifyRequest,
  ): Promise<CaseWithdrawalDto> {
    return this.withdrawals.withdrawWithCode(
      body.reference,
      body.receiptCode,
      clientKey(request),
      body.erasePersonalData === true,
    );
  }

  @Post('erase')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: CaseWithdrawalDto })
  @ApiNotFoundResponse({ description: 'Unknown reference or wrong code (the same answer)' })
  @ApiConflictResponse({ description: 'The case is still handled: withdraw it first' })
  erase(
    @Body() body: FollowUpAccessDto,
    @Req() request: FastifyRequest,
  ): Promise<CaseWithdrawalDto> {
    return this.withdrawals.eraseWithCode(body.reference, body.receiptCode, clientKey(request));
  }
}
