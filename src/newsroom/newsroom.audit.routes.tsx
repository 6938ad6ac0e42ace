// The audit log page (admins only).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AuditService } from '../access/access.audit.js';
import type { StaffPages } from './newsroom.pages.js';
import { Html, LangQuery } from './newsroom.schema.js';
import { nm } from './newsroom.messages.js';
import { AuditPage } from './newsroom.audit.view.js';

export interface AuditRoutesOptions {
  readonly pages: StaffPages;
  readonly audit: Pick<AuditService, 'recent'>;
}

export const auditRoutes: FastifyPluginAsyncTypebox<AuditRoutesOptions> = (
  app,
  { pages, audit },
) => {
  app.get(
    '/audit',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'audit.read');
      if (!session) return reply;
      const rows = await audit.recent(session.actor);
      const locale = pages.locale(request);
      return pages.render(
        request,
        reply,
        nm(locale).audit,
        <AuditPage locale={locale} rows={rows} />,
      );
    },
  );

  return Promise.resolve();
};
