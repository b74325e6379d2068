import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { Timestamp } from '../schemas.ts';

const LoginBody = z
  .object({
    email: z.string().trim().min(3).max(320),
    password: z.string().min(1).max(1000),
  })
  .strict();

const LoginResponse = z.object({
  token: z.string().describe('Send as "Authorization: Bearer <token>"; also set as an HttpOnly cookie'),
  tokenType: z.literal('Bearer'),
  expiresAt: Timestamp,
  accountId: z.string(),
});

export function authRoutes(app: App, { services, config, guard }: RouteContext) {
  const secure = (proto: string) =>
    config.cookieSecure === 'true' || (config.cookieSecure === 'auto' && proto === 'https');

  app.post(
    '/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with email and password',
        description:
          'Returns a bearer token and sets the same token as an HttpOnly SameSite=Lax session cookie. ' +
          'Repeated failures for one address lock it for a while (429 with Retry-After).',
        security: [],
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (req, reply) => {
      const r = await services.auth.login(req.body.email, req.body.password, {
        userAgent: req.headers['user-agent'],
        ip: req.ip,
      });
      reply.setCookie(SESSION_COOKIE, r.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(req.protocol),
        expires: r.expiresAt,
      });
      return { token: r.token, tokenType: 'Bearer' as const, expiresAt: r.expiresAt, accountId: r.accountId };
    },
  );

  app.post(
    '/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        response: { 204: z.null().describe('Logged out') },
      },
      preHandler: guard(),
    },
    async (req, reply) => {
      const header = req.headers.authorization;
      const token = header ? header.replace(/^Bearer\s+/i, '').trim() : req.cookies[SESSION_COOKIE];
      if (token && req.principal?.via === 'session') await services.auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
