// The newsroom's pages in the role matrix (newsroom.matrix.test.ts): each page or form, what it is
// sent and who may use it.
import { nextNumber, type Case } from './newsroom.matrix.cases.js';

export const pageCases: Case[] = [
  {
    name: 'GET /newsroom',
    allowed: ['reporter', 'editor', 'admin'],
    request: () => ({ method: 'GET', url: '/newsroom' }),
  },
  {
    name: 'POST /newsroom/liveblogs',
    allowed: ['editor', 'admin'],
    request: () => ({
      method: 'POST',
      url: '/newsroom/liveblogs',
      form: {
        slug: `form-${nextNumber()}`,
        headline: 'صفحة',
        timeZone: 'Asia/Muscat',
        locale: 'ar',
      },
    }),
  },
  {
    name: 'GET /newsroom/liveblogs/:slug/translate',
    allowed: ['reporter', 'editor', 'admin'],
    request: (f) => ({ method: 'GET', url: `/newsroom/liveblogs/${f.slug}/translate` }),
  },
  {
    name: 'GET /newsroom/liveblogs/:slug',
    allowed: ['reporter', 'editor', 'admin'],
    request: (f) => ({ method: 'GET', url: `/newsroom/liveblogs/${f.slug}` }),
  },
  {
    name: 'POST /newsroom/liveblogs/:slug/settings',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'POST',
      url: `/newsroom/liveblogs/${f.slug}/settings`,
      form: { headline: 'عنوان', standfirst: '', status: 'live', timeZone: 'Asia/Muscat' },
    }),
  },
  {
    name: 'POST /newsroom/liveblogs/:slug/explainer',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'POST',
      url: `/newsroom/liveblogs/${f.slug}/explainer`,
      form: { title0: 'قسم', text0: 'نص', order0: '1' },
    }),
  },
  {
    name: 'GET /newsroom/liveblogs/:slug/updates/:id/history',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'GET',
      url: `/newsroom/liveblogs/${f.slug}/updates/${f.updateId}/history`,
    }),
  },
  {
    name: 'GET /newsroom/users',
    allowed: ['admin'],
    request: () => ({ method: 'GET', url: '/newsroom/users' }),
  },
  {
    name: 'POST /newsroom/users',
    allowed: ['admin'],
    request: () => ({
      method: 'POST',
      url: '/newsroom/users',
      form: {
        email: `new${nextNumber()}@newsroom.test`,
        displayName: 'جديد',
        password: 'a-long-password',
        role: 'reporter',
      },
    }),
  },
  {
    name: 'POST /newsroom/users/:id/role',
    allowed: ['admin'],
    request: (f) => ({
      method: 'POST',
      url: `/newsroom/users/${f.userId}/role`,
      form: { role: 'editor' },
    }),
  },
  {
    name: 'POST /newsroom/users/:id/enable',
    allowed: ['admin'],
    request: (f) => ({ method: 'POST', url: `/newsroom/users/${f.userId}/enable`, form: {} }),
  },
  {
    name: 'POST /newsroom/users/:id/reset-link',
    allowed: ['admin'],
    request: (f) => ({ method: 'POST', url: `/newsroom/users/${f.userId}/reset-link`, form: {} }),
  },
  {
    name: 'GET /newsroom/comments',
    allowed: ['editor', 'admin'],
    request: () => ({ method: 'GET', url: '/newsroom/comments' }),
  },
  {
    name: 'POST /newsroom/comments/moderate',
    allowed: ['editor', 'admin'],
    request: () => ({
      method: 'POST',
      url: '/newsroom/comments/moderate',
      form: { action: 'approve', ids: '999999' },
    }),
  },
  {
    name: 'POST /newsroom/comments/words',
    allowed: ['editor', 'admin'],
    request: () => ({
      method: 'POST',
      url: '/newsroom/comments/words',
      form: { add: `كلمة${nextNumber()}` },
    }),
  },
  {
    name: 'GET /newsroom/settings',
    allowed: ['admin'],
    request: () => ({ method: 'GET', url: '/newsroom/settings' }),
  },
  {
    name: 'POST /newsroom/settings',
    allowed: ['admin'],
    request: () => ({
      method: 'POST',
      url: '/newsroom/settings',
      form: { months: 'gulf', digits: 'latn', clock: '24' },
    }),
  },
  {
    name: 'POST /newsroom/settings/sources',
    allowed: ['admin'],
    request: () => ({
      method: 'POST',
      url: '/newsroom/settings/sources',
      form: { sources: 'رويترز | Reuters | wire | https://www.reuters.com' },
    }),
  },
  {
    name: 'GET /newsroom/audit',
    allowed: ['admin'],
    request: () => ({ method: 'GET', url: '/newsroom/audit' }),
  },
  {
    name: 'POST /newsroom/settings/two-factor',
    allowed: ['admin'],
    request: () => ({ method: 'POST', url: '/newsroom/settings/two-factor', form: {} }),
  },
  {
    name: 'POST /newsroom/users/:id/two-factor/reset',
    allowed: ['admin'],
    request: (f) => ({
      method: 'POST',
      url: `/newsroom/users/${f.userId}/two-factor/reset`,
      form: {},
    }),
  },
  {
    name: 'GET /newsroom/account',
    allowed: ['reporter', 'editor', 'admin'],
    request: () => ({ method: 'GET', url: '/newsroom/account' }),
  },
  {
    name: 'POST /newsroom/account/two-factor/start',
    allowed: ['reporter', 'editor', 'admin'],
    request: () => ({ method: 'POST', url: '/newsroom/account/two-factor/start', form: {} }),
  },
];

pageCases.push(
  {
    name: 'GET /newsroom/wire',
    allowed: ['reporter', 'editor', 'admin'],
    request: () => ({ method: 'GET', url: '/newsroom/wire' }),
  },
  {
    name: 'POST /newsroom/wire/:id/draft',
    allowed: ['reporter', 'editor', 'admin'],
    request: (f) => ({
      method: 'POST',
      url: `/newsroom/wire/${f.wireItemId}/draft`,
      form: { liveblog: f.slug },
    }),
  },
);
