// The composer's byline and contributors: the name readers see, chosen explicitly, and everyone
// who worked on the update. Server-rendered empty; src/client/newsroom.contributors.ts fills it.
import type { UiLocale } from '../lib/i18n.messages.js';
import { bm } from './newsroom.byline.messages.js';

export function BylineField({ locale }: { locale: UiLocale }) {
  const m = bm(locale);
  return (
    <fieldset class="byline-field">
      <legend>{m.bylineAndContributors}</legend>
      <label>
        {m.byline}
        <input
          id="composer-byline"
          maxLength={120}
          dir="auto"
          list="byline-suggestions"
          aria-describedby="byline-hint"
        />
      </label>
      <datalist id="byline-suggestions" />
      <p id="byline-hint" class="hint">
        {m.bylineHint}
      </p>
      <p class="contributors-label">{m.contributors}</p>
      <ul id="composer-contributors" class="source-chips" aria-label={m.contributors} />
      <div class="contributor-add">
        <label>
          {m.contributorName}
          <input id="contributor-name" maxLength={120} dir="auto" />
        </label>
        <label>
          {m.contributorRole}
          <input
            id="contributor-role"
            maxLength={120}
            dir="auto"
            placeholder={m.contributorRoleExample}
          />
        </label>
        <button type="button" id="add-contributor">
          {m.addContributor}
        </button>
        <button type="button" id="add-me">
          {m.addMe}
        </button>
      </div>
    </fieldset>
  );
}
