// Seeds the demo live page on first start with an empty database. The day is replayed through
// the real services with a clock set to each moment, so the demo has real events and edits.
import { fixedClock } from '../platform/platform.clock.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import type { Bus } from '../realtime/realtime.bus.js';
import type { Actor } from '../access/access.policy.js';
import { createServices } from '../services.js';
import { createMemoryStore } from '../storage/storage.files.js';
import type { CreateUpdateBody } from '../update/update.schema.js';
import { createLiveblogRepository } from '../liveblog/liveblog.repository.js';
import { demoLiveblog, type DemoUpdate } from './demo.content.js';

const seeder: Actor = { kind: 'user', id: null, name: 'Ajil demo', role: 'admin' };

function body(update: DemoUpdate, text: string, sources = update.sources): CreateUpdateBody {
  return {
    ...(update.headline !== undefined && { headline: update.headline }),
    text,
    sources,
    keyEvent: update.keyEvent ?? false,
    pinned: update.pinned ?? false,
    breaking: update.breaking ?? false,
    author: update.author,
  };
}

/** The first version of an update that the demo later edits: one paragraph or one source less. */
function firstDraft(update: DemoUpdate): CreateUpdateBody {
  const paragraphs = update.text.split('\n\n');
  if (paragraphs.length > 1) return body(update, paragraphs.slice(0, -1).join('\n\n'));
  return body(update, update.text, update.sources.slice(0, -1));
}

/** Creates the demo page unless any live page exists. Returns its slug when it seeded. */
export async function seedDemo(
  deps: BaseDeps & { readonly bus: Bus },
): Promise<string | undefined> {
  const existing = await createLiveblogRepository().listForFrontPage(deps.db, 1);
  if (existing.length > 0) return undefined;

  const end = deps.clock.now();
  const at = (minutesAgo: number) => new Date(end.getTime() - minutesAgo * 60_000);
  const oldest = Math.max(...demoLiveblog.updates.map((u) => u.minutesAgo));
  const clock = fixedClock(at(oldest + 30));
  const scoped = { ...deps, clock };
  const { liveblogs, updates } = createServices({ ...scoped, files: createMemoryStore() });

  const { slug } = demoLiveblog;
  await liveblogs.create(seeder, {
    slug,
    headline: demoLiveblog.headline,
    standfirst: demoLiveblog.standfirst,
    locale: demoLiveblog.locale,
    timeZone: demoLiveblog.timeZone,
    status: 'live',
  });
  await liveblogs.replaceExplainer(seeder, slug, { sections: demoLiveblog.explainer });

  const steps: { at: Date; run: () => Promise<unknown> }[] = [];
  const ids = new Map<DemoUpdate, number>();
  for (const update of demoLiveblog.updates) {
    const published = at(update.minutesAgo);
    const edited = update.editedAfterMinutes;
    steps.push({
      at: published,
      run: async () => {
        const result = await updates.publish(
          seeder,
          slug,
          edited ? firstDraft(update) : body(update, update.text),
        );
        ids.set(update, result.update.id);
      },
    });
    if (edited !== undefined) {
      steps.push({
        at: new Date(Math.min(published.getTime() + edited * 60_000, end.getTime())),
        run: () => {
          const id = ids.get(update);
          if (id === undefined) throw new Error('demo edit before its publication');
          return updates.edit(seeder, slug, id, { text: update.text, sources: update.sources });
        },
      });
    }
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) {
    clock.set(step.at);
    await step.run();
  }
  return slug;
}
