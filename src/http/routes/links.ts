import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';

export function linkRoutes(app: App, { services }: RouteContext) {
  app.get(
    '/r/:token',
    {
      schema: {
        tags: ['links'],
        summary:
          'A tracked link in an InMail: records the click and redirects (302) to the original http(s) URL',
        description:
          "Public (the link is in the recipient's message). The first click by a person is recorded once per " +
          'recipient and link and emits `inmail.clicked`; bots (by user agent) and HEAD requests are ' +
          'redirected without being counted. The token maps to a stored http(s) URL: an unknown token is a ' +
          '404 problem, never a redirect elsewhere.',
        params: z.object({ token: z.string().max(200) }).strict(),
        // A browser link, not an API operation: it answers a redirect, never a JSON document.
        hide: true,
      },
    },
    async (req, reply) => {
      const { url } = await services.links.click(req.params.token, {
        userAgent: req.headers['user-agent'],
        method: req.method,
      });
      // The token must not travel to the target site in a Referer, and every click must reach us.
      reply.header('referrer-policy', 'no-referrer');
      reply.header('cache-control', 'no-store');
      reply.header('x-robots-tag', 'noindex, nofollow');
      return reply.redirect(url, 302);
    },
  );
}
