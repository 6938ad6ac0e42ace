// Service results as the staff pages show them.
import { blocksToText, type Block } from '../blocks/blocks.schema.js';
import type { UpdateService } from '../update/update.service.js';
import type { RevisionView } from './newsroom.history.view.js';

type Revisions = Awaited<ReturnType<UpdateService['revisions']>>['revisions'];

/** Each revision with its body as plain text. */
export function presentRevisions(revisions: Revisions): RevisionView[] {
  return revisions.map((r) => ({
    revision: r.revision,
    action: r.action,
    editorName: r.editorName,
    createdAt: r.createdAt,
    headline: r.headline,
    text: blocksToText(JSON.parse(r.body) as Block[]),
    note: r.note,
  }));
}
