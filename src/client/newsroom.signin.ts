// Signing in again in place, when the session ended under an open desk: a dialog with the
// sign-in form, posted with fetch to the real sign-in routes (their pre-session token and
// same-origin check included, and the second step of two-factor sign-in when the account has
// it), then the desk page read again for the new session's CSRF token. The composer is never
// left: what was typed stays in it, and the save that met the 401 runs again.
import type { Composer } from './newsroom.composer.js';
import { refreshDeskPage } from './newsroom.page.js';
import type { SavingText } from './newsroom.saving.text.js';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

async function getPage(url: string): Promise<{ url: string; doc: Document }> {
  const response = await fetch(url, { credentials: 'same-origin' });
  return { url: new URL(response.url).pathname, doc: parse(await response.text()) };
}

async function postForm(url: string, fields: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    body: new URLSearchParams(fields),
  });
  return { url: new URL(response.url).pathname, doc: parse(await response.text()) };
}

const loginToken = (doc: Document) =>
  doc.querySelector<HTMLInputElement>('input[name="_login"]')?.value ?? '';
const errorOf = (doc: Document) => doc.querySelector('.form-error')?.textContent.trim() ?? '';

interface Dialog {
  readonly element: HTMLDialogElement;
  readonly form: HTMLFormElement;
  readonly email: HTMLInputElement;
  readonly password: HTMLInputElement;
  readonly code: HTMLInputElement;
  readonly codeStep: HTMLElement;
  readonly passwordStep: HTMLElement;
  readonly error: HTMLElement;
  readonly submit: HTMLButtonElement;
  readonly later: HTMLButtonElement;
}

function field(labelText: string, input: HTMLInputElement): HTMLLabelElement {
  const label = document.createElement('label');
  label.append(labelText, input);
  return label;
}

function input(name: string, type: string, autocomplete: string): HTMLInputElement {
  const element = document.createElement('input');
  element.name = name;
  element.type = type;
  element.autocomplete = autocomplete as AutoFill;
  element.dir = 'ltr';
  return element;
}

function buildDialog(words: SavingText): Dialog {
  const element = document.createElement('dialog');
  element.className = 'signin-dialog';
  element.setAttribute('aria-labelledby', 'signin-again-title');
  const title = document.createElement('h2');
  title.id = 'signin-again-title';
  title.textContent = words.signInTitle;
  const intro = document.createElement('p');
  intro.textContent = words.signInIntro;
  const form = document.createElement('form');
  const email = input('email', 'email', 'username');
  const password = input('password', 'password', 'current-password');
  const code = input('code', 'text', 'one-time-code');
  const passwordStep = document.createElement('div');
  passwordStep.append(field(words.email, email), field(words.password, password));
  const codeStep = document.createElement('div');
  const codeIntro = document.createElement('p');
  codeIntro.textContent = words.codeIntro;
  codeStep.append(codeIntro, field(words.code, code));
  codeStep.hidden = true;
  const error = document.createElement('p');
  error.className = 'form-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'primary';
  submit.textContent = words.signIn;
  const later = document.createElement('button');
  later.type = 'button';
  later.textContent = words.later;
  const actions = document.createElement('div');
  actions.className = 'signin-actions';
  actions.append(submit, later);
  form.append(passwordStep, codeStep, error, actions);
  element.append(title, intro, form);
  document.body.append(element);
  return { element, form, email, password, code, codeStep, passwordStep, error, submit, later };
}

/** One press of the dialog's button: the password step or the code step. True once signed in. */
async function step(
  dialog: Dialog,
  composer: Composer,
  token: { value: string },
): Promise<boolean> {
  const { locale } = composer.page;
  const onCode = !dialog.codeStep.hidden;
  const answer = onCode
    ? await postForm('/newsroom/login/two-factor', { locale, code: dialog.code.value.trim() })
    : await postForm('/newsroom/login', {
        locale,
        _login: token.value,
        email: dialog.email.value,
        password: dialog.password.value,
      });
  if (answer.url === '/newsroom/login/two-factor' && !errorOf(answer.doc)) {
    dialog.passwordStep.hidden = true;
    dialog.codeStep.hidden = false;
    dialog.submit.textContent = composer.page.saving.verify;
    dialog.error.hidden = true;
    dialog.code.focus();
    return false;
  }
  const problem = errorOf(answer.doc);
  const loginAgain = answer.doc.querySelector('input[name="_login"]') !== null;
  if (problem || loginAgain) {
    // Refused, or the second step expired: a sign-in page answered, with a fresh token.
    if (loginAgain) {
      token.value = loginToken(answer.doc) || token.value;
      dialog.passwordStep.hidden = false;
      dialog.codeStep.hidden = true;
      dialog.submit.textContent = composer.page.saving.signIn;
    }
    dialog.error.textContent = problem || composer.page.saving.signInFailed;
    dialog.error.hidden = false;
    return false;
  }
  return refreshDeskPage(composer.page);
}

async function runDialog(composer: Composer): Promise<boolean> {
  const words = composer.page.saving;
  const first = await getPage(`/newsroom/login?lang=${composer.page.locale}`).catch(() => null);
  // Still (or again) signed in, e.g. from another tab: only the CSRF token is new.
  if (first && first.url !== '/newsroom/login' && (await refreshDeskPage(composer.page)))
    return true;
  const token = { value: first ? loginToken(first.doc) : '' };
  const dialog = buildDialog(words);
  dialog.element.showModal();
  dialog.email.focus();
  return new Promise<boolean>((resolve) => {
    const finish = (signedIn: boolean) => {
      dialog.element.close();
      dialog.element.remove();
      resolve(signedIn);
    };
    dialog.later.addEventListener('click', () => {
      finish(false);
    });
    dialog.element.addEventListener('cancel', () => {
      finish(false);
    });
    dialog.form.addEventListener('submit', (event) => {
      event.preventDefault();
      dialog.submit.disabled = true;
      step(dialog, composer, token)
        .then((done) => {
          if (done) finish(true);
        })
        .catch(() => {
          dialog.error.textContent = words.signInFailed;
          dialog.error.hidden = false;
        })
        .finally(() => {
          dialog.submit.disabled = false;
        });
    });
  });
}

/**
 * Asks the person to sign in again, once however many saves met the ended session at the same
 * time. Resolves true when a new session is in place (and the CSRF token with it).
 */
export function signInAgain(composer: Composer): Promise<boolean> {
  composer.signingIn ??= runDialog(composer)
    .catch(() => false)
    .finally(() => {
      composer.signingIn = null;
    });
  return composer.signingIn;
}
