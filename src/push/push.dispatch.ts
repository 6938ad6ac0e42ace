// Runs the push sender beside the app on every node: each doorbell ("page N has events up to
// S") asks the service to deliver page N, and a sweep every few seconds catches pages whose ring
// was lost. Which node sends is settled in the database (the cursor claim), so every node may run
// this; it never runs inside a publish, so a slow push service cannot hold one up.
import { isPageRing, type Bus } from '../realtime/realtime.bus.js';
import type { PushService } from './push.service.js';

export function startPushSender(
  push: Pick<PushService, 'deliver' | 'sweep'>,
  bus: Bus,
  onError: (error: unknown) => void,
  sweepMs: number,
): () => void {
  const busy = new Set<number | 'sweep'>();
  const again = new Set<number>();

  function deliver(liveblogId: number): void {
    if (busy.has(liveblogId)) {
      again.add(liveblogId);
      return;
    }
    busy.add(liveblogId);
    push
      .deliver(liveblogId)
      .catch(onError)
      .finally(() => {
        busy.delete(liveblogId);
        if (again.delete(liveblogId)) deliver(liveblogId);
      });
  }

  const unsubscribe = bus.subscribe((message) => {
    if (isPageRing(message)) deliver(message.liveblogId);
  });
  const timer = setInterval(() => {
    if (busy.has('sweep')) return;
    busy.add('sweep');
    push
      .sweep()
      .catch(onError)
      .finally(() => busy.delete('sweep'));
  }, sweepMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
