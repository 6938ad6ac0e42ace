// The reader's cookie choice: the settings page, and the form that every banner and that page
// send (all, none, or a custom choice), answered with the consent cookie and a way back.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { t } from '../lib/i18n.messages.js';
import { isSameOrigin } from '../access/access.session.js';
import {
  ANALYTICS_COOKIE,
  consentCookie,
  consentOf,
  cookieValue,
  type Consent,
} from '../platform/platform.consent.js';
import { AppError } from '../platform/platform.errors.js';
import { renderDocument } from '../frame/frame.view.js';
import { HtmlOut, safeBack, type ReaderPages } from './reader.pages.js';
import { ConsentPage } from './reader.view.js';

export interface ConsentRoutesOptions {
  readonly pages: ReaderPages;
  readonly siteName: string;
  /** This site's origin: a choice sent from anywhere else is refused. */
  readonly origin: string;
  /** Whether cookies are marked Secure (the site is served over https). */
  readonly secure: boolean;
}

export const consentRoutes: FastifyPluginAsyncTypebox<ConsentRoutesOptions> = (
  app,
  { pages, siteName, origin, secure },
) => {
  app.get(
    '/consent',
    {
      schema: {
        hide: true,
        querystring: Type.Object({ back: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 200: HtmlOut },
      },
    },
    async (request, reply) => {
      const back = safeBack(request.query.back);
      const consent = consentOf(request);
      const html = renderDocument(
        // The banner is not shown over the very page where the choice is made.
        {
          ...pages.frame(request, {
            locale: 'ar',
            title: `${t('ar').cookieSettings} | ${siteName}`,
          }),
          banner: false,
        },
        <ConsentPage locale="ar" consent={consent} back={back} />,
      );
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(await Promise.resolve(html));
    },
  );

  app.post(
    '/consent',
    { schema: { hide: true, body: Type.Record(Type.String(), Type.String({ maxLength: 600 })) } },
    (request, reply) => {
      if (!isSameOrigin(request, origin))
        throw new AppError(403, 'cross_site', {
          ar: 'طلب من موقع آخر.',
          en: 'A request from another site.',
        });
      const choice = request.body.choice;
      const all = choice === 'all';
      const custom = choice === 'custom';
      const consent: Consent = {
        preferences: all || (custom && request.body.preferences === '1'),
        analytics: all || (custom && request.body.analytics === '1'),
        embeds: all || (custom && request.body.embeds === '1'),
        notifications: all || (custom && request.body.notifications === '1'),
      };
      // The analytics id is handed out here, never on a page view: pages are the same bytes
      // for every reader, so a shared cache can keep them (ADR 0011).
      const cookies = [consentCookie(consent, secure)];
      if (consent.analytics && !cookieValue(request, ANALYTICS_COOKIE)) {
        cookies.push(
          `${ANALYTICS_COOKIE}=${randomBytes(16).toString('base64url')}; Path=/; Max-Age=${String(365 * 24 * 3600)}; SameSite=Lax${secure ? '; Secure' : ''}`,
        );
      }
      return reply
        .header('set-cookie', cookies)
        .header('cache-control', 'no-store')
        .redirect(safeBack(request.body.back), 303);
    },
  );

  return Promise.resolve();
};
