import Fastify, { type FastifyInstance, type FastifySchema } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type } from 'typebox';
import { REQUEST_VALIDATION_OPTIONS, type RouteAccess } from '#kernel';
import { registerAuthHooks } from '#core/auth/server/auth.plugin.ts';
import { registerAuthRoutes } from '#core/auth/server/auth.routes.ts';
import type { Config } from './config.ts';
import type { Platform } from './platform.ts';
import { redactLogLine } from './log-redaction.ts';
import { answerClientError, answerFrameworkError, registerProblemHandlers } from './problem.ts';
import { registerRequestHygiene } from './request-hygiene.ts';
import { registerConsole } from './web-console.ts';

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** The route's declared schema (body, params, querystring, …), as validated: the route fuzzer generates requests from it. */
  schema: FastifySchema | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access and schema, for the authorization matrix and the route fuzzer. */
    routeCatalog: RouteEntry[];
  }
}

export interface AppOptions {
  logger?: boolean;
  /** Serve the built web console at / (off in API tests). */
  serveConsole?: boolean;
  /** Where the log goes (standard output if not given) and at what level (the config's if not given); tests capture it. */
  logStream?: { write(line: string): void };
  logLevel?: Config['logLevel'];
}

/** The HTTP application: security headers, problem+json errors, sessions, every module's routes. */
export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = platform;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: options.logLevel ?? config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            hooks: { streamWrite: redactLogLine },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    ajv: { customOptions: REQUEST_VALIDATION_OPTIONS },
    // Errors raised before a route is found (a malformed URL, a request Node cannot parse) answer
    // problem+json too, instead of Fastify's and Node's own bodies.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });

  const catalog: RouteEntry[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      if (method !== 'HEAD')
        catalog.push({ method, url: route.url, access: route.config?.access as RouteAccess | undefined, schema: route.schema });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Plain-HTTP installs (a county's intranet, localhost) must keep working.
        upgradeInsecureRequests: config.trustProxy ? [] : null,
      },
    },
    hsts: { maxAge: 31536000, includeSubDomains: true },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'EduCloud 教育云 API',
        version: '0.1.0',
        description: '教育信息化和网络安全工作平台接口。错误以 RFC 9457 problem+json 返回，code 字段稳定。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'educloud_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          apiToken: { type: 'http', scheme: 'bearer', description: 'API 令牌 ecl_…（ADR 0008）' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerProblemHandlers(app, options.serveConsole ? await registerConsole(app) : null);
  registerRequestHygiene(app);
  registerAuthHooks(app, { makeCtx: platform.makeCtx, settings: sessionSettings(platform) });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { public: true } } }, () => app.swagger());
  app.get(
    '/api/health',
    {
      schema: { tags: ['platform'], summary: '健康检查', response: { 200: Type.Object({ status: Type.String(), engine: Type.String() }) } },
      config: { access: { public: true } },
    },
    async () => {
      await platform.database.db.selectFrom('core_audit_head').select('seq').executeTakeFirst();
      return { status: 'ok', engine: platform.database.engine };
    },
  );

  registerAuthRoutes(app, {
    settings: sessionSettings(platform),
    loginRateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' },
  });
  for (const m of platform.modules) if (m.routes) await m.routes(app, platform.hostFor(m));
  await app.ready();
  return app;
}

export const sessionSettings = (platform: Platform) => ({
  idleMinutes: platform.config.sessionIdleMinutes,
  absoluteHours: platform.config.sessionAbsoluteHours,
});
