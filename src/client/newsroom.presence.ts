// Who is on this desk, and who has which update open («يعمل على هذا التحديث الآن: سلمى»): a line
// under the desk's title and a note on each row someone else is working on. Drawn again after
// every in-place change of the lists.
import type { PresenceEntry } from '../realtime/realtime.desk-events.js';
import type { LiveText } from './newsroom.live.text.js';

export interface PresenceView {
  show(people: readonly PresenceEntry[]): void;
  /** Draws the row notes again (after rows were replaced). */
  redraw(): void;
}

export function presenceView(me: number, text: LiveText): PresenceView {
  let people: readonly PresenceEntry[] = [];
  const line = document.createElement('p');
  line.id = 'desk-presence';
  line.className = 'desk-presence';
  document.querySelector('.desk-header')?.after(line);

  function drawLine(): void {
    const names = [
      ...new Map(people.filter((p) => p.userId !== me).map((p) => [p.userId, p.name])).values(),
    ];
    line.replaceChildren(text.onDesk, ' ');
    if (names.length === 0) line.append(text.nobodyElse);
    names.forEach((name, index) => {
      if (index > 0) line.append('، ');
      const bdi = document.createElement('bdi');
      bdi.textContent = name;
      bdi.className = 'desk-presence-name';
      line.append(bdi);
    });
  }

  function drawRows(): void {
    for (const note of document.querySelectorAll('[data-presence-note]')) note.remove();
    for (const person of people) {
      if (person.userId === me || person.updateId === null) continue;
      for (const row of document.querySelectorAll<HTMLElement>(
        `[data-update-id="${person.updateId}"]`,
      )) {
        const note = document.createElement('p');
        note.className = 'desk-item-presence';
        note.dataset.presenceNote = '';
        note.textContent = text.working(person.name);
        row.querySelector('.desk-item-meta')?.after(note);
      }
    }
  }

  return {
    show(list) {
      people = list;
      drawLine();
      drawRows();
    },
    redraw: drawRows,
  };
}
