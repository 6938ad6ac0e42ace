// The SSE frame encoder, checked against the parsing rules of the HTML standard: whatever the
// data, a frame is exactly one event with the same id, type and data, and nothing more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameOf } from './realtime.hub.js';

interface Parsed {
  id: string | undefined;
  type: string;
  data: string;
}

/** The event-stream interpretation of the HTML standard, for a whole stream. */
function parseStream(stream: string): Parsed[] {
  const events: Parsed[] = [];
  let data: string[] = [];
  let type = '';
  let id: string | undefined;
  for (const line of stream.split(/\r\n|\r|\n/)) {
    if (line === '') {
      if (data.length > 0) events.push({ id, type: type || 'message', data: data.join('\n') });
      data = [];
      type = '';
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
  }
  return events;
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  // Attempts to close the frame and forge another one.
  fc
    .array(
      fc.constantFrom('\n', '\r', '\r\n', '\n\n', 'id: 99', 'event: reset', 'data: x', ':', 'y'),
    )
    .map((parts) => parts.join('')),
);
const eventType = fc.constantFrom(
  'update.published',
  'update.edited',
  'liveblog.updated',
  'comment.approved',
);

describe('SSE frames (properties)', () => {
  it('a frame is one event with the same id, type and data, whatever the data holds', () => {
    fc.assert(
      fc.property(fc.nat(), eventType, anyText, (seq, type, data) => {
        const events = parseStream(frameOf({ seq, type, data }).toString('utf8'));
        expect(events).toHaveLength(1);
        expect(events[0]).toEqual({
          id: String(seq),
          type,
          data: Buffer.from(data.replace(/\r\n|\r/g, '\n'), 'utf8').toString('utf8'),
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('frames in a row stay apart: a newline in one cannot end it early or start another', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), eventType, anyText), { minLength: 1, maxLength: 8 }),
        (list) => {
          const stream = list
            .map(([seq, type, data]) => frameOf({ seq, type, data }).toString('utf8'))
            .join('');
          expect(parseStream(stream).map((e) => e.id)).toEqual(list.map(([seq]) => String(seq)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('JSON data (what the hub sends) goes on one data line', () => {
    fc.assert(
      fc.property(fc.nat(), fc.jsonValue(), (seq, value) => {
        const data = JSON.stringify(value);
        const frame = frameOf({ seq, type: 'update.published', data }).toString('utf8');
        expect(frame.split('\n').filter((line) => line.startsWith('data:'))).toHaveLength(1);
        expect(parseStream(frame)[0]?.data).toBe(data);
      }),
      { numRuns: 500 },
    );
  });
});
