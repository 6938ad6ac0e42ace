// Rich text ⇄ blocks: what the composer's editable box holds is read back as structured blocks
// (never stored as HTML), and blocks are drawn back into the box to edit them again.
import type { Block, Inline } from '../blocks/blocks.schema.js';

/** The link addresses a block may carry. */
export const SAFE_HREF = /^(https?:\/\/|mailto:)\S+$/i;

function inlinesOf(node: Node, marks: { bold?: boolean; italic?: boolean } = {}): Inline[] {
  const out: Inline[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      const value = child.textContent ?? '';
      if (value)
        out.push({
          type: 'text',
          text: value,
          ...(marks.bold && { bold: true }),
          ...(marks.italic && { italic: true }),
        });
    } else if (child instanceof HTMLElement) {
      const tag = child.tagName;
      if (tag === 'BR') out.push({ type: 'text', text: ' ' });
      else if (tag === 'A') {
        const href = child.getAttribute('href') ?? '';
        const label = child.textContent;
        if (SAFE_HREF.test(href) && label.trim()) out.push({ type: 'link', text: label, href });
        else if (label) out.push({ type: 'text', text: label });
      } else {
        const bold =
          marks.bold === true ||
          tag === 'B' ||
          tag === 'STRONG' ||
          child.style.fontWeight === 'bold';
        const italic =
          marks.italic === true ||
          tag === 'I' ||
          tag === 'EM' ||
          child.style.fontStyle === 'italic';
        out.push(...inlinesOf(child, { bold, italic }));
      }
    }
  }
  // Merge neighbours with the same marks, so the stored blocks stay small.
  const merged: Inline[] = [];
  for (const inline of out) {
    const last = merged[merged.length - 1];
    if (
      last?.type === 'text' &&
      inline.type === 'text' &&
      last.bold === inline.bold &&
      last.italic === inline.italic
    ) {
      last.text += inline.text;
    } else merged.push(inline);
  }
  return merged;
}

function hasText(inlines: Inline[]): boolean {
  return inlines.some((inline) => inline.text.trim() !== '');
}

export function blocksOf(editor: HTMLElement): Block[] {
  const blocks: Block[] = [];
  let loose: Node[] = [];
  const flush = () => {
    if (loose.length === 0) return;
    const holder = document.createElement('p');
    for (const node of loose) holder.appendChild(node.cloneNode(true));
    const content = inlinesOf(holder);
    if (hasText(content)) blocks.push({ type: 'paragraph', content });
    loose = [];
  };
  for (const child of Array.from(editor.childNodes)) {
    const tag = child instanceof HTMLElement ? child.tagName : '';
    if (child instanceof HTMLElement && child.dataset.photoId) {
      flush();
      blocks.push({ type: 'image', photoId: child.dataset.photoId });
    } else if (child instanceof HTMLElement && child.dataset.embedUrl) {
      flush();
      blocks.push({ type: 'embed', url: child.dataset.embedUrl });
    } else if (tag === 'P' || tag === 'DIV') {
      flush();
      const content = inlinesOf(child);
      if (hasText(content)) blocks.push({ type: 'paragraph', content });
    } else if (/^H[1-6]$/.test(tag)) {
      flush();
      const value = (child.textContent ?? '').trim();
      if (value) blocks.push({ type: 'heading', text: value.slice(0, 300) });
    } else if (tag === 'BLOCKQUOTE') {
      flush();
      const content = inlinesOf(child);
      if (hasText(content)) blocks.push({ type: 'quote', content });
    } else if (tag === 'UL' || tag === 'OL') {
      flush();
      const items = Array.from((child as HTMLElement).querySelectorAll(':scope > li'))
        .map((li) => inlinesOf(li))
        .filter(hasText);
      if (items.length > 0) blocks.push({ type: 'list', ordered: tag === 'OL', items });
    } else {
      loose.push(child);
    }
  }
  flush();
  return blocks;
}

function inlineNode(inline: Inline): Node {
  if (inline.type === 'link') {
    const a = document.createElement('a');
    a.href = inline.href;
    a.textContent = inline.text;
    return a;
  }
  let node: Node = document.createTextNode(inline.text);
  if (inline.italic) {
    const em = document.createElement('em');
    em.appendChild(node);
    node = em;
  }
  if (inline.bold) {
    const strong = document.createElement('strong');
    strong.appendChild(node);
    node = strong;
  }
  return node;
}

/** A photo in the composer: not editable text, read back as an image block by its id. */
export function photoElement(photoId: string, alt: string, width: number | undefined): HTMLElement {
  const figure = document.createElement('figure');
  figure.contentEditable = 'false';
  figure.dataset.photoId = photoId;
  const img = document.createElement('img');
  img.src = `/media/${photoId}-${width ?? 480}.jpg`;
  img.alt = alt;
  img.className = 'composer-photo';
  figure.appendChild(img);
  return figure;
}

/** An embed in the composer: a card with its address, read back as an embed block. */
export function embedElement(url: string, title: string): HTMLElement {
  const card = document.createElement('div');
  card.contentEditable = 'false';
  card.className = 'composer-embed';
  card.dataset.embedUrl = url;
  card.textContent = `🔗 ${title}`;
  return card;
}

export function fillEditor(editor: HTMLElement, blocks: readonly Block[]): void {
  editor.replaceChildren();
  for (const block of blocks) {
    let element: HTMLElement;
    if (block.type === 'heading') {
      element = document.createElement('h3');
      element.textContent = block.text;
    } else if (block.type === 'list') {
      element = document.createElement(block.ordered ? 'ol' : 'ul');
      for (const item of block.items) {
        const li = document.createElement('li');
        for (const inline of item) li.appendChild(inlineNode(inline));
        element.appendChild(li);
      }
    } else if (block.type === 'image') {
      element = photoElement(block.photoId, block.alt ?? '', block.widths?.[0]);
    } else if (block.type === 'embed') {
      element = embedElement(block.url, block.title ?? block.url);
    } else {
      element = document.createElement(block.type === 'quote' ? 'blockquote' : 'p');
      for (const inline of block.content) element.appendChild(inlineNode(inline));
    }
    editor.appendChild(element);
  }
}
