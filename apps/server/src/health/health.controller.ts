import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { PublicAccess, REDIS } from '@app/core';
import { NotificationAdminService, NotificationSummaryDto } from '@app/notifications';

type CheckResult = { status: 'up' | 'down'; ms: number; error?: string };

async function timed(check: () => Promise<unknown>, timeoutMs = 2000): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return { status: 'up', ms: Math.round(performance.now() - started) };
  } catch (error) {
    const name = error instanceof Error ? error.message.split('\n')[0].slice(0, 120) : 'failed';
    return { status: 'down', ms: Math.round(performance.now() - started), error: name };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@PublicAccess()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly notifications: NotificationAdminService,
  ) {}

  /** The process is alive (no dependency is checked, so a restart loop cannot start here). */
  @Get('live')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The process runs' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready to serve: PostgreSQL and Redis answer. */
  @Get('ready')
  @ApiOkResponse({ description: 'Database and Redis answer' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() => this.redis.ping()),
    ]);
    const ok = database.status === 'up' && redis.status === 'up';
    reply.status(ok ? 200 : 503);
    // Queue counts are details, not a check: they are added when both stores answer.
    let notifications: NotificationSummaryDto | undefined;
    if (ok) {
      await timed(async () => {
        const summary = await this.notifications.summary();
        if (summary.queue) notifications = summary;
      });
    }
    return {
      status: ok ? 'ok' : 'unavailable',
      checks: { database, redis },
      ...(notifications ? { details: { notifications } } : {}),
    };
  }
}
