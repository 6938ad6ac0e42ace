// Photos: dropped or pasted into the composer, described (alt text and credit), uploaded, then
// placed in the body as an image block.
import { photoElement } from './newsroom.blocks.js';
import { say, type Composer } from './newsroom.composer.js';

/** The images among dropped or pasted files. */
export function imageFiles(files: FileList | undefined): File[] {
  return Array.from(files ?? []).filter((f) => f.type.startsWith('image/'));
}

async function uploadPhoto(composer: Composer, file: File): Promise<void> {
  const { text } = composer;
  const alt = window.prompt(text.alt);
  if (!alt) return;
  const credit = window.prompt(text.credit);
  if (!credit) return;
  say(composer, text.uploading);
  const response = await fetch(
    `/api/v1/photos?alt=${encodeURIComponent(alt)}&credit=${encodeURIComponent(credit)}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'x-csrf-token': composer.page.csrf,
        'content-type': file.type || 'application/octet-stream',
      },
      body: file,
    },
  );
  const result = (await response.json().catch(() => null)) as {
    id?: string;
    widths?: number[];
    error?: { message?: string };
  } | null;
  if (!response.ok || !result?.id) {
    say(composer, result?.error?.message ?? text.failed);
    return;
  }
  composer.editor.appendChild(photoElement(result.id, alt, result.widths?.[0]));
  say(composer, '');
  composer.changed();
}

/** One after the other, so each photo is described before the next is asked about. */
function uploadAll(composer: Composer, files: File[]): void {
  void (async () => {
    for (const file of files) await uploadPhoto(composer, file);
  })();
}

export function bindMedia(composer: Composer): void {
  const { editor } = composer;
  editor.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  editor.addEventListener('drop', (event) => {
    const files = imageFiles(event.dataTransfer?.files);
    if (files.length === 0) return;
    event.preventDefault();
    uploadAll(composer, files);
  });
  // Pasted text is newsroom.editing.ts's; pasted photos are uploaded here.
  editor.addEventListener('paste', (event) => {
    const files = imageFiles(event.clipboardData?.files);
    if (files.length === 0) return;
    event.preventDefault();
    uploadAll(composer, files);
  });
}
