// Site settings (admins only): how dates are written on every page, and whether admins and
// editors must use two-factor sign-in.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toAppError } from '../platform/platform.http.js';
import { presetsToText } from '../settings/settings.sources.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { StaffPages } from './newsroom.pages.js';
import { dateStyleFrom } from './newsroom.forms.js';
import {
  Html,
  LangQuery,
  SiteSettingsForm,
  SourcePresetsForm,
  TwoFactorSettingForm,
} from './newsroom.schema.js';
import { nm } from './newsroom.messages.js';
import { SiteSettingsPage } from './newsroom.settings.view.js';

export interface SettingsRoutesOptions {
  readonly pages: StaffPages;
  readonly settings: Pick<
    SettingsService,
    'overview' | 'setDateStyle' | 'setTwoFactorRequired' | 'sourcePresets' | 'setSourcePresets'
  >;
}

export const settingsRoutes: FastifyPluginAsyncTypebox<SettingsRoutesOptions> = (
  app,
  { pages, settings },
) => {
  async function settingsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    failed?: { error: string; text: string; status: number },
  ) {
    const session = pages.signedIn(request, reply, 'user.manage');
    if (!session) return reply;
    const locale = pages.locale(request);
    const { dateStyle, twoFactorRequired } = await settings.overview();
    const presetsText = failed?.text ?? presetsToText(await settings.sourcePresets());
    const page = (
      <SiteSettingsPage
        locale={locale}
        style={dateStyle}
        twoFactorRequired={twoFactorRequired}
        csrfToken={session.csrfToken}
        presetsText={presetsText}
        error={failed?.error}
      />
    );
    return pages.render(request, reply, nm(locale).siteSettings, page, {
      status: failed?.status ?? 200,
    });
  }

  app.get(
    '/settings',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    (request, reply) => settingsPage(request, reply),
  );

  app.post(
    '/settings/sources',
    { schema: { hide: true, body: SourcePresetsForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'user.manage');
      if (!session) return reply;
      const text = request.body.sources ?? '';
      try {
        await settings.setSourcePresets(session.actor, text);
      } catch (error) {
        const known = toAppError(error);
        if (!known || known.status === 403) throw error;
        const message = known.messages[pages.locale(request)];
        return settingsPage(request, reply, { error: message, text, status: known.status });
      }
      return reply.redirect('/newsroom/settings', 303);
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

  app.post(
    '/settings/two-factor',
    { schema: { hide: true, body: TwoFactorSettingForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'user.manage');
      if (!session) return reply;
      await settings.setTwoFactorRequired(session.actor, request.body.required === '1');
      return reply.redirect('/newsroom/settings', 303);
    },
  );

  return Promise.resolve();
};
