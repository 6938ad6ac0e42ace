// Photos: dropped or pasted into the composer, described (alt text and credit), uploaded, then
// placed in the body as an image block.
import { photoElement } from './newsroom.blocks.js';
import { say, type Composer } from './newsroom.composer.js';
import { newIdempotencyKey, sendWithRetries } from './newsroom.retry.js';

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
  // One key for this photo: a retry after a lost answer stores no second copy.
  const key = newIdempotencyKey();
  const upload = () =>
    fetch(`/api/v1/photos?alt=${encodeURIComponent(alt)}&credit=${encodeURIComponent(credit)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'x-csrf-token': composer.page.csrf,
        'content-type': file.type || 'application/octet-stream',
        'idempotency-key': key,
      },
      body: file,
    });
  const response = await sendWithRetries(upload).catch(() => null);
  if (!response) {
    say(composer, text.failed);
    return;
  }
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

export function bindMedia(composer: Composer): void {
  const { editor } = composer;
  /** Photos among the files are uploaded one after the other, each described before the next. */
  const upload = (event: Event, files: FileList | undefined) => {
    const photos = imageFiles(files);
    if (photos.length === 0) return;
    event.preventDefault();
    void (async () => {
      for (const file of photos) await uploadPhoto(composer, file);
    })();
  };
  editor.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  editor.addEventListener('drop', (event) => {
    upload(event, event.dataTransfer?.files);
  });
  // Pasted photos are uploaded here; pasted text is newsroom.editing.ts's.
  editor.addEventListener('paste', (event) => {
    upload(event, event.clipboardData?.files);
  });
}
