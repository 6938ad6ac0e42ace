// The site for crawlers, as text: robots.txt, the sitemap of every live page and the Google
// News sitemap of the recent ones.
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import { xml } from './reader.feeds.presenter.js';

export function robotsTxt(publicUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /newsroom\nDisallow: /api/\nDisallow: /consent\n\nSitemap: ${publicUrl}/sitemap.xml\nSitemap: ${publicUrl}/news-sitemap.xml\n`;
}

/** The front page and every live page, with when each last changed. */
export function sitemapXml(pages: readonly Liveblog[], publicUrl: string): string {
  const urls = [
    `<url><loc>${xml(`${publicUrl}/`)}</loc></url>`,
    ...pages.map(
      (liveblog) =>
        `<url><loc>${xml(`${publicUrl}${liveblogPath(liveblog.slug)}`)}</loc><lastmod>${liveblog.updatedAt.toISOString()}</lastmod></url>`,
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Google News: the pages given (the recent ones), each with its publication and title. */
export function newsSitemapXml(
  pages: readonly Liveblog[],
  { publicUrl, siteName }: { readonly publicUrl: string; readonly siteName: string },
): string {
  const urls = pages.map(
    (liveblog) =>
      `<url><loc>${xml(`${publicUrl}${liveblogPath(liveblog.slug)}`)}</loc><news:news><news:publication><news:name>${xml(siteName)}</news:name><news:language>${liveblog.locale}</news:language></news:publication><news:publication_date>${(liveblog.coverageStartAt ?? liveblog.createdAt).toISOString()}</news:publication_date><news:title>${xml(liveblog.headline)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
