// Site settings (admins only): how dates are written on every page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SettingsService } from '../settings/settings.service.js';
import type { StaffPages } from './newsroom.pages.js';
import { dateStyleFrom } from './newsroom.forms.js';
import { Html, LangQuery, SiteSettingsForm } from './newsroom.schema.js';
import { nm } from './newsroom.messages.js';
import { SiteSettingsPage } from './newsroom.settings.view.js';

export interface SettingsRoutesOptions {
  readonly pages: StaffPages;
  readonly settings: Pick<SettingsService, 'dateStyle' | 'setDateStyle'>;
}

export const settingsRoutes: FastifyPluginAsyncTypebox<SettingsRoutesOptions> = (
  app,
  { pages, settings },
) => {
  app.get(
    '/settings',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'user.manage');
      if (!session) return reply;
      const locale = pages.locale(request);
      const style = await settings.dateStyle();
      const page = <SiteSettingsPage locale={locale} style={style} csrfToken={session.csrfToken} />;
      return pages.render(request, reply, nm(locale).siteSettings, page);
    },
  );

  app.post(
    '/settings',
    { schema: { hide: true, body: SiteSettingsForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'user.manage');
      if (!session) return reply;
      // An incomplete or unknown style leaves the setting as it was.
      const style = dateStyleFrom(request.body);
      if (style) await settings.setDateStyle(session.actor, style);
      return reply.redirect('/newsroom/settings', 303);
    },
  );

  return Promise.resolve();
};
