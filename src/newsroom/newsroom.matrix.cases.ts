// The cases of the role matrix (newsroom.matrix.test.ts): every API route, what it is sent and who
// may call it (the newsroom's pages are in newsroom.matrix.pages.ts). Each case acts on the fresh
// objects of a fixture.
export type Who = 'anonymous' | 'reporter' | 'editor' | 'admin' | 'revoked';
export const EVERYONE: Who[] = ['anonymous', 'reporter', 'editor', 'admin', 'revoked'];

export interface Fixture {
  slug: string;
  updateId: number;
  draftId: number;
  submittedId: number;
  userId: number;
  /** An item of the wire inbox, ingested once for every case. */
  wireItemId: number;
}

export interface Case {
  readonly name: string;
  readonly allowed: readonly Who[];
  request(f: Fixture): {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    payload?: unknown;
    form?: Record<string, string>;
    raw?: { type: string; body: Buffer };
  };
}

let counter = 0;
/** A number no case or fixture has used before (for slugs, addresses, words). */
export function nextNumber(): number {
  return ++counter;
}

// A 1×1 PNG.
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** A small NewsML-G2 item of its own id, for the wire routes. */
export const newsml = (n: number) =>
  `<newsItem guid="urn:matrix:${n}" version="1"><itemMeta><provider literal="وكالة"/>` +
  `<versionCreated>2026-12-02T08:00:00Z</versionCreated></itemMeta>` +
  `<contentMeta><headline>مادة ${n}</headline></contentMeta></newsItem>`;

export const apiCases: Case[] = [
  {
    name: 'POST /api/v1/liveblogs',
    allowed: ['editor', 'admin'],
    request: () => ({
      method: 'POST',
      url: '/api/v1/liveblogs',
      payload: { slug: `new-${nextNumber()}`, headline: 'جديد' },
    }),
  },
  {
    name: 'GET /api/v1/liveblogs/:slug',
    allowed: ['anonymous', 'reporter', 'editor', 'admin'],
    request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}` }),
  },
  {
    name: 'PATCH /api/v1/liveblogs/:slug',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/liveblogs/${f.slug}`,
      payload: { headline: 'عنوان' },
    }),
  },
  {
    name: 'PUT /api/v1/liveblogs/:slug/explainer',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/liveblogs/${f.slug}/explainer`,
      payload: { sections: [{ title: 'قسم', text: 'نص' }] },
    }),
  },
  {
    name: 'POST /api/v1/liveblogs/:slug/updates',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/liveblogs/${f.slug}/updates`,
      payload: { text: 'نص' },
    }),
  },
  {
    name: 'GET /api/v1/liveblogs/:slug/updates',
    allowed: ['anonymous', 'reporter', 'editor', 'admin'],
    request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}/updates` }),
  },
  {
    name: 'GET /api/v1/liveblogs/:slug/updates/:id',
    allowed: ['anonymous', 'reporter', 'editor', 'admin'],
    request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}` }),
  },
  {
    name: 'PATCH /api/v1/liveblogs/:slug/updates/:id',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}`,
      payload: { text: 'معدل' },
    }),
  },
  {
    name: 'DELETE /api/v1/liveblogs/:slug/updates/:id',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'DELETE',
      url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}`,
    }),
  },
  {
    name: 'GET /api/v1/liveblogs/:slug/updates/:id/revisions',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'GET',
      url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}/revisions`,
    }),
  },
  {
    name: 'GET /api/v1/liveblogs/:slug/drafts',
    allowed: ['reporter', 'editor', 'admin'],
    request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}/drafts` }),
  },
  {
    name: 'POST /api/v1/liveblogs/:slug/drafts',
    allowed: ['reporter', 'editor', 'admin'],
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/liveblogs/${f.slug}/drafts`,
      payload: { text: 'مسودة' },
    }),
  },
  // A colleague's draft: only reviewers may change it.
  {
    name: 'PUT /api/v1/liveblogs/:slug/drafts/:id',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/liveblogs/${f.slug}/drafts/${f.draftId}`,
      payload: { text: 'تعديل' },
    }),
  },
  {
    name: 'DELETE /api/v1/liveblogs/:slug/drafts/:id',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'DELETE',
      url: `/api/v1/liveblogs/${f.slug}/drafts/${f.draftId}`,
    }),
  },
  {
    name: 'POST /api/v1/liveblogs/:slug/drafts/:id/submit',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/liveblogs/${f.slug}/drafts/${f.draftId}/submit`,
    }),
  },
  {
    name: 'POST /api/v1/liveblogs/:slug/drafts/:id/return',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/liveblogs/${f.slug}/drafts/${f.submittedId}/return`,
      payload: { note: 'راجع المصدر' },
    }),
  },
  {
    name: 'POST /api/v1/liveblogs/:slug/drafts/:id/publish',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/liveblogs/${f.slug}/drafts/${f.submittedId}/publish`,
      payload: {},
    }),
  },
  {
    name: 'POST /api/v1/liveblogs/:slug/preview',
    allowed: ['reporter', 'editor', 'admin'],
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/liveblogs/${f.slug}/preview`,
      payload: { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'معاينة' }] }] },
    }),
  },
];

apiCases.push({
  name: 'POST /api/v1/photos',
  allowed: ['reporter', 'editor', 'admin'],
  request: () => ({
    method: 'POST',
    url: '/api/v1/photos?alt=a&credit=b',
    raw: { type: 'image/png', body: TINY_PNG },
  }),
});
apiCases.push(
  {
    name: 'PUT /api/v1/liveblogs/:slug/updates/:id/translation',
    allowed: ['editor', 'admin'],
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}/translation`,
      payload: { translation: null },
    }),
  },
  {
    name: 'GET /api/v1/liveblogs/:slug/to-translate',
    allowed: ['reporter', 'editor', 'admin'],
    request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}/to-translate` }),
  },
  {
    name: 'GET /api/v1/push/key',
    allowed: ['anonymous', 'reporter', 'editor', 'admin'],
    request: () => ({ method: 'GET', url: '/api/v1/push/key' }),
  },
);
apiCases.push({
  name: 'GET /api/v1/search',
  allowed: ['anonymous', 'reporter', 'editor', 'admin'],
  request: () => ({ method: 'GET', url: '/api/v1/search?q=%D9%85%D8%B3%D9%82%D8%B7' }),
});
apiCases.push(
  {
    name: 'POST /api/v1/wire',
    allowed: ['editor', 'admin'],
    request: () => ({
      method: 'POST',
      url: '/api/v1/wire',
      raw: { type: 'application/xml', body: Buffer.from(newsml(nextNumber())) },
    }),
  },
  {
    name: 'GET /api/v1/wire',
    allowed: ['reporter', 'editor', 'admin'],
    request: () => ({ method: 'GET', url: '/api/v1/wire' }),
  },
  {
    name: 'GET /api/v1/wire/:id',
    allowed: ['reporter', 'editor', 'admin'],
    request: (f) => ({ method: 'GET', url: `/api/v1/wire/${f.wireItemId}` }),
  },
  {
    name: 'POST /api/v1/wire/:id/drafts',
    allowed: ['reporter', 'editor', 'admin'],
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/wire/${f.wireItemId}/drafts`,
      payload: { liveblog: f.slug },
    }),
  },
  {
    name: 'GET /api/v1/liveblogs/:slug/updates/:id/ninjs',
    allowed: ['anonymous', 'reporter', 'editor', 'admin'],
    request: (f) => ({
      method: 'GET',
      url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}/ninjs`,
    }),
  },
  {
    name: 'GET /api/v1/liveblogs/:slug/ninjs',
    allowed: ['anonymous', 'reporter', 'editor', 'admin'],
    request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}/ninjs` }),
  },
);
