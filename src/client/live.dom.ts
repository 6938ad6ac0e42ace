// DOM helpers of the live client: elements by id, and the server's own HTML turned into elements.

export function byId(id: string): HTMLElement | null {
  return document.getElementById(id);
}

/** Our own renderer's HTML (update.view.tsx), never reader input: the one innerHTML exception. */
export function fromServerHtml(html: string): HTMLElement | null {
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  const element = template.content.firstElementChild;
  return element instanceof HTMLElement ? element : null;
}
