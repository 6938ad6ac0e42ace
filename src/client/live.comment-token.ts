// The comment form's token: pages are the same for every reader (a shared cache keeps them), so
// the signed, single-use token is fetched when the reader starts writing, not drawn in the page.
// A reader without this script who sends the form gets it back with a token in the answer.
export function bindCommentToken(): void {
  const form = document.querySelector<HTMLFormElement>('form.comment-form');
  const input = form?.querySelector<HTMLInputElement>('input[name="t"][data-token-url]');
  if (!form || !input) return;
  const url = input.dataset.tokenUrl ?? '';
  let asked: Promise<void> | undefined;
  const fetchToken = (): Promise<void> => {
    asked ??= fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        input.value = ((await response.json()) as { token: string }).token;
      })
      .catch(() => {
        asked = undefined; // try again on the next keystroke or when sending
      });
    return asked;
  };
  if (input.value !== '') return;
  form.addEventListener('focusin', () => void fetchToken(), { once: true });
  form.addEventListener('submit', (event) => {
    if (input.value !== '') return;
    event.preventDefault();
    void fetchToken().then(() => {
      if (input.value !== '') form.requestSubmit();
    });
  });
}
