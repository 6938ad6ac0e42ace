// What every staff page handler shares: the page's language, the signed-in gate and the
// renderer that wraps a page body in the staff frame. Built once by newsroom.routes.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { AppError } from '../platform/platform.errors.js';
import type { Assets } from '../platform/platform.assets.js';
import type { UiLocale } from '../lib/i18n.messages.js';
import { can, type Action } from '../access/access.policy.js';
import type { SessionInfo } from '../access/access.accounts.js';
import { renderNewsroom } from './newsroom.frame.view.js';
import { nm } from './newsroom.messages.js';

export interface PageOptions {
  readonly status?: number;
  /** Loads the desk client (the composer and live controls). */
  readonly withScript?: boolean;
  readonly bodyData?: Record<string, string>;
}

export interface StaffPages {
  /** `?lang=` first, then the session's choice, Arabic otherwise. */
  locale(request: FastifyRequest): UiLocale;
  /**
   * The session when its person may take the action (default: enter the newsroom); a visitor
   * without one is sent to the login page (undefined: the reply is already on its way).
   */
  signedIn(request: FastifyRequest, reply: FastifyReply, action?: Action): SessionInfo | undefined;
  render(
    request: FastifyRequest,
    reply: FastifyReply,
    title: string,
    body: ComponentChildren,
    options?: PageOptions,
  ): FastifyReply;
}

export function createStaffPages({
  siteName,
  assets,
}: {
  siteName: string;
  assets: Assets;
}): StaffPages {
  function locale(request: FastifyRequest): UiLocale {
    const query = request.query as { lang?: string } | undefined;
    if (query?.lang === 'en' || query?.lang === 'ar') return query.lang;
    return request.session?.locale ?? 'ar';
  }

  return {
    locale,

    signedIn(request, reply, action = 'newsroom.enter') {
      const session = request.session;
      if (!session) {
        void reply.redirect('/newsroom/login', 303);
        return undefined;
      }
      if (!can(session.actor, action))
        throw new AppError(403, 'forbidden', { ar: nm('ar').forbidden, en: nm('en').forbidden });
      return session;
    },

    render(request, reply, title, body, { status = 200, withScript = false, bodyData } = {}) {
      const frame = {
        locale: locale(request),
        title,
        siteName,
        assets,
        ...(request.session && {
          actor: request.session.actor,
          csrfToken: request.session.csrfToken,
        }),
        withScript,
        ...(bodyData && { bodyData }),
      };
      return reply.code(status).type('text/html; charset=utf-8').send(renderNewsroom(frame, body));
    },
  };
}
