// A per-update address (`/live/:slug/updates/:id`) opens the page that holds the update; the
// server marks which one (<body data-focus>). With a #fragment the browser scrolls by itself;
// a bare address (as social sites and feeds link it) is scrolled here, and kept in place while
// late fonts and photos move the layout, until the reader scrolls.

export function scrollToFocus(): void {
  const id = document.body.dataset.focus;
  const target = id ? document.getElementById(`update-${id}`) : null;
  if (!target) return;
  target.classList.add('update-focused');
  if (location.hash !== '') return;
  let readerMoved = false;
  const stop = () => {
    readerMoved = true;
  };
  for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown'])
    window.addEventListener(type, stop, { once: true, passive: true });
  const place = () => {
    if (!readerMoved) target.scrollIntoView({ block: 'start' });
  };
  place();
  void document.fonts.ready.then(place);
  if (document.readyState !== 'complete') window.addEventListener('load', place, { once: true });
}
