// The newsroom desk: a rich-text composer that produces structured blocks (never HTML), drafts
// that autosave to the server and to this device, Ctrl+Enter to publish (or submit), a preview
// from the readers' own renderer, and in-place controls on published updates.
//
// This entry finds the composer and wires its parts, each in its own module and each given the
// one composer context (newsroom.composer.ts).
import { bindDeskActions } from './newsroom.actions.js';
import { bindAutosave, noteChange, restoreDraft } from './newsroom.autosave.js';
import { bindContributors } from './newsroom.contributors.js';
import { findComposer } from './newsroom.composer.js';
import { bindEditing, bindToolbar } from './newsroom.editing.js';
import { bindShortcuts } from './newsroom.keyboard.js';
import { bindMedia } from './newsroom.media.js';
import { readDeskPage } from './newsroom.page.js';
import { bindPreview } from './newsroom.preview.js';
import { startProofing } from './newsroom.proof.js';
import { bindSending } from './newsroom.send.js';
import { bindSources } from './newsroom.sources.js';
import { startLiveDesk } from './newsroom.live.js';
import { startModerationDesk } from './newsroom.moderation.js';

function startComposer(): void {
  const composer = findComposer(readDeskPage(), noteChange);
  if (!composer) return;
  bindSending(composer);
  bindShortcuts(composer);
  bindEditing(composer);
  bindAutosave(composer);
  bindMedia(composer);
  bindToolbar(composer);
  bindSources(composer);
  bindContributors(composer);
  bindPreview(composer);
  bindDeskActions(composer);
  restoreDraft(composer);
}

startComposer();
startProofing();
startLiveDesk();
startModerationDesk();
