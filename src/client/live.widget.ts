// The live page inside a partner's iframe (the widget): links open outside the frame, and the
// parent page is told our height.

/** In a partner's iframe: tell the parent page our height whenever it changes. */
export function reportHeight(): void {
  if (document.body.dataset.embed !== '1' || window.parent === window) return;
  // Inside a partner's page every link opens a new tab: our pages refuse to be framed.
  document.addEventListener('click', (event) => {
    const link =
      event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null;
    if (!link || event.defaultPrevented) return;
    event.preventDefault();
    window.open(link.href, '_blank', 'noopener');
  });
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'ajil:height', height }, '*');
  };
  new ResizeObserver(post).observe(document.body);
  post();
}
