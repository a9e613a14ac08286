import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import type { DestinationStream } from 'pino';
import {
  AppConfig,
  Clock,
  LOCALE_COOKIE,
  PinoLoggerService,
  ProblemDetailsFilter,
  REDIS,
  UnstorableTextInterceptor,
  createLogger,
  createValidationPipe,
  noStoreUnlessPublic,
  parseLocale,
  projectRoot,
  registerMultipart,
  requestLocale,
  useDepthLimitedJsonParser,
} from '@app/core';
import Redis from 'ioredis';
import { AppModule } from './app.module';
import { closeConnectionsOnShutdown, connectionTimeouts } from './connections';
import { PAGE_ERROR_RENDERER } from '@app/core';

export interface ServerOptions {
  config: AppConfig;
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  /** Replaces the system clock (tests). */
  clock?: Clock;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Builds the HTTP app (not yet listening), so tests run exactly what production runs. */
export async function createServer({
  config,
  logDestination,
  clock,
}: ServerOptions): Promise<NestFastifyApplication> {
  const logger = createLogger(config.app.logLevel, logDestination);
  const production = config.app.nodeEnv === 'production';
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.app.bodyLimitBytes,
    trustProxy: config.app.trustProxy,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Give in-flight requests time to finish on shutdown; then close idle keep-alive sockets.
    forceCloseConnections: 'idle',
    ...connectionTimeouts(config),
  });

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, clock),
    adapter,
    { logger: new PinoLoggerService(logger), bufferLogs: false },
  );

  // Nest adds its JSON and form parsers at init; adding them now lets the JSON one be replaced
  // by one that refuses deeply nested bodies before the transformer recurses through them.
  adapter.registerParserMiddleware();
  useDepthLimitedJsonParser(app.getHttpAdapter().getInstance(), config.app.bodyLimitBytes);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Pages, styles and scripts go out compressed (Brotli or gzip, as the browser accepts): a
  // reporter on a slow connection waits for a third of the bytes. Not a BREACH risk here: the
  // CSRF token is salted anew in every page, and no page repeats a secret next to text a third
  // party can choose.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie, { secret: config.security.sessionSecret });
  const fastify = app.getHttpAdapter().getInstance();
  // Multipart bodies (evidence uploads) are streamed by the handlers, with upload timeouts.
  await registerMultipart(fastify, config);
  closeConnectionsOnShutdown(fastify, config);

  // Added after the cookie plugin, so the language cookie is already parsed here.
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const locale = requestLocale(request);
    // A language chosen with the switcher (?lang=) is remembered for the next pages.
    if (parseLocale((request.query as Record<string, unknown> | undefined)?.lang) === locale) {
      reply.setCookie(LOCALE_COOKIE, locale, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        maxAge: 31536000,
      });
    }
  });
  fastify.addHook('onSend', noStoreUnlessPublic);
  fastify.addHook('onResponse', async (request, reply) => {
    // One line per request: the route pattern, never the query string or body.
    request.log.info(
      {
        reqId: request.id,
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  app.useStaticAssets({
    root: join(projectRoot(), 'apps/server/public'),
    prefix: '/static/',
    maxAge: production ? '7d' : 0,
    decorateReply: false,
  });

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new UnstorableTextInterceptor());
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(PAGE_ERROR_RENDERER)));
  app.enableShutdownHooks();

  // The OpenAPI document is built on its first request, not before listening: scanning every
  // controller takes a good part of the start-up, and few callers ever read it.
  const buildDocument = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Platform for protection from discrimination')
        .setDescription(
          'Reports of discrimination against the Roma, Ashkali and Egyptian communities in Kosovo. Errors are RFC 9457 problem details in the language of Accept-Language (sq, sr, sr-Cyrl, en, rom).',
        )
        .setVersion('1')
        .build(),
    );
  SwaggerModule.setup('api/docs', app, buildDocument, { jsonDocumentUrl: 'api/docs-json' });

  await app.init();
  await fastify.ready();
  // Building the app is synchronous work that can outlast the Redis handshake on a busy machine;
  // give the connection a moment so the app is ready when this resolves. Intake works without
  // Redis, so a Redis that is away delays the start by this moment and no more.
  await redisReady(app.get<Redis>(REDIS), 2000);
  return app;
}

function redisReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once('ready', done);
  });
}
