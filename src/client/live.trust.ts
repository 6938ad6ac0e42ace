// Trust in place: a new correction joins the page's corrections list (the update itself
// arrives as an ordinary edit), and a new «what we know so far» box replaces the old one.
import { byId, fromServerHtml } from './live.dom.js';

export interface CorrectionEventData {
  correctionHtml?: string;
}

/** Adds the update's newest correction to the list unless it is there. */
export function correctionArrived(data: CorrectionEventData): void {
  const list = byId('corrections-list');
  const item = data.correctionHtml ? fromServerHtml(data.correctionHtml) : null;
  if (!list || !item) return;
  const key = item.dataset.correction ?? '';
  if (list.querySelector(`[data-correction="${CSS.escape(key)}"]`)) return;
  list.prepend(item);
  byId('corrections')?.removeAttribute('hidden');
}

export interface SummaryEventData {
  summaryHtml: string;
}

export function summaryChanged(data: SummaryEventData): void {
  const box = byId('summary');
  const replacement = fromServerHtml(data.summaryHtml);
  if (box && replacement) box.replaceWith(replacement);
}
