/**
 * The HTTP API: Fastify with zod schemas on every route (validation, serialization and the
 * OpenAPI document come from the same schema), one error handler, request ids, JSON logs and
 * Prometheus metrics. Routes are thin: validate, call one service method, return its result.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import type { Services } from '../services/index.ts';
import { makeGuard, type Guard } from './auth.ts';
import { createMetrics, instrument, type Metrics } from './metrics.ts';
import { errorHandler, notFoundHandler, problem, sendProblem } from './problem.ts';
import { Problem } from './schemas.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { apiKeyRoutes } from './routes/api-keys.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { connectionRoutes } from './routes/connections.ts';
import { inboxRoutes } from './routes/inbox.ts';
import { inmailRoutes } from './routes/inmails.ts';
import { memberRoutes } from './routes/members.ts';
import { meRoutes } from './routes/me.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { seatRoutes } from './routes/seats.ts';
import { candidateListRoutes } from './routes/candidate-lists.ts';
import { profileRoutes } from './routes/profile.ts';
import { projectRoutes } from './routes/projects.ts';
import { savedSearchRoutes } from './routes/saved-searches.ts';
import { searchRoutes } from './routes/search.ts';
import { linkRoutes } from './routes/links.ts';
import { sendTimeRoutes } from './routes/send-time.ts';
import { templateRoutes } from './routes/templates.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteContext {
  services: Services;
  config: Config;
  guard: Guard;
}

export interface HttpOptions {
  config: Config;
  services: Services;
  /** pino options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Built web app to serve at /, if present. */
  webRoot?: string;
  metrics?: Metrics;
}

const ERROR_RESPONSES = [400, 401, 403, 404, 409, 413, 415, 422, 429] as const;

/** Every registered route module; later issues add theirs here. */
const ROUTES = [
  healthRoutes,
  authRoutes,
  meRoutes,
  apiKeyRoutes,
  memberRoutes,
  inmailRoutes,
  inboxRoutes,
  connectionRoutes,
  notificationRoutes,
  seatRoutes,
  campaignRoutes,
  searchRoutes,
  savedSearchRoutes,
  candidateListRoutes,
  profileRoutes,
  templateRoutes,
  sendTimeRoutes,
  linkRoutes,
  projectRoutes,
  analyticsRoutes,
];

export async function buildHttp(opts: HttpOptions): Promise<App> {
  const { config, services } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    trustProxy: false,
    return503OnClosing: true,
    // Registering plugins does no I/O here; a busy machine (or a campaign running in the same
    // process) must not turn a slow start into a failed one.
    pluginTimeout: 0,
    // Errors Fastify raises before routing (bad URL encoding, over-long parameters) are problem
    // documents too.
    frameworkErrors: (err, req, reply) => {
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
      const code = (err.code ?? 'bad_request').replace(/^FST_ERR_/, '').toLowerCase();
      return sendProblem(reply, req, problem(status, code, err.message));
    },
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Fastify takes one not-found handler per prefix: the web app's fallback below, or this one.
  const serveWeb = Boolean(opts.webRoot && existsSync(opts.webRoot));
  if (!serveWeb) app.setNotFoundHandler(notFoundHandler);
  app.decorateRequest('principal', null);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
  });
  // PostgreSQL text cannot hold U+0000: refuse it up front, naming the field, instead of letting
  // the database fail the statement (a 500) wherever the value would have gone.
  app.addHook('preValidation', async (req, reply) => {
    for (const [where, value] of [
      ['body', req.body],
      ['query', req.query],
      ['params', req.params],
    ] as const) {
      const field = findNul(value, where);
      if (field) {
        return sendProblem(
          reply,
          req,
          problem(400, 'invalid_character', 'Text must not contain the NUL character (U+0000)', {
            errors: [{ field, code: 'invalid_character', message: 'contains U+0000' }],
          }),
        );
      }
    }
  });

  // Document the problem responses on every route, so clients see them in the OpenAPI file.
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.url.startsWith('/docs')) return;
    const response = (route.schema.response ??= {}) as Record<string | number, unknown>;
    for (const status of ERROR_RESPONSES) response[status] ??= Problem;
    response[500] ??= Problem;
  });

  const metrics = opts.metrics ?? createMetrics();
  instrument(app, metrics);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'InMail API',
        version: '1.0.0',
        description:
          'Self-hostable InMail: members, inboxes, seats and credits, search, templates, campaigns, analytics. ' +
          'Errors are RFC 9457 problem documents (application/problem+json) with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'A login token (ims_...) or an API key (imk_...)',
          },
          cookie: { type: 'apiKey', in: 'cookie', name: 'inmail_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  const ctx: RouteContext = { services, config, guard: makeGuard(services.auth) };
  for (const register of ROUTES) register(app, ctx);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (_req, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  if (serveWeb && opts.webRoot) {
    await app.register(fastifyStatic, {
      root: opts.webRoot,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
    // Client-side routes fall back to the app's index.html; API paths keep their 404 problem.
    app.setNotFoundHandler((req, reply) => {
      const path = req.url.split('?')[0] ?? '';
      if (req.method === 'GET' && !/^\/(v1|docs|openapi\.json|metrics|healthz|readyz|r)(\/|$)/.test(path)) {
        return reply.sendFile('index.html');
      }
      return notFoundHandler(req, reply);
    });
  }

  return app;
}

/** The path of the first string in a parsed request part that contains U+0000, if any. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = findNul(k, path, depth + 1) ?? findNul(v, `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}
