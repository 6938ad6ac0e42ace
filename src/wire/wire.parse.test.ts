// The parsers on our own fixtures (written after the NewsML-G2 and ninjs 2.0 structures), and
// on what they must refuse.
import { describe, expect, it } from 'vitest';
import { wireFixture } from '../../test/fixtures/wire-fixtures.js';
import { parseNewsml } from './wire.newsml.js';
import { parseNinjs } from './wire.ninjs.js';
import { WireParseError } from './wire.types.js';

const received = new Date('2026-12-02T10:00:00Z');

describe('NewsML-G2', () => {
  it('reads an Arabic newsItem: id, version, agency, language, headline, paragraphs, link', () => {
    const [item] = parseNewsml(wireFixture('newsml-ar-v1.xml'));
    expect(item).toMatchObject({
      guid: 'urn:newsml:wire.example.org:20261202:ar-port-0001',
      version: 1,
      format: 'newsml',
      agency: 'وكالة المثال للأنباء',
      language: 'ar',
      headline: 'عاجل: توقف الملاحة مؤقتًا في ميناء صلالة',
      link: 'https://wire.example.org/ar/2026/12/02/port-0001',
      embargoUntil: null,
      pubStatus: 'usable',
      urgency: 2,
    });
    expect(item?.versionCreated.toISOString()).toBe('2026-12-02T08:00:00.000Z');
    expect(item?.body.split('\n\n')).toEqual([
      'أعلنت إدارة ميناء صلالة صباح اليوم وقف حركة السفن مؤقتًا بسبب سوء الأحوال الجوية.',
      'وقالت الإدارة إن الحركة ستُستأنف فور تحسن الرؤية، من دون أن تحدد موعدًا.',
    ]);
    // The <head><title> of the XHTML is not body text.
    expect(item?.body).not.toContain('<');
  });

  it('reads an English item with its embargo, expiry and the provider named in <name>', () => {
    const [item] = parseNewsml(wireFixture('newsml-en-embargo.xml'));
    expect(item?.agency).toBe('Example Wire Service');
    expect(item?.language).toBe('en');
    expect(item?.embargoUntil?.toISOString()).toBe('2026-12-02T12:00:00.000Z');
    expect(item?.expiresAt?.toISOString()).toBe('2026-12-09T12:00:00.000Z');
    expect(item?.body.split('\n\n')).toHaveLength(2);
  });

  it('reads every newsItem of a newsMessage, with the cancelled status', () => {
    const items = parseNewsml(wireFixture('newsml-message.xml'));
    expect(items.map((i) => [i.language, i.version, i.pubStatus])).toEqual([
      ['en', 3, 'usable'],
      ['ar', 2, 'canceled'],
    ]);
  });

  it.each([
    ['not XML', 'plain words', '/'],
    ['a DOCTYPE (entities)', '<!DOCTYPE x [<!ENTITY a "b">]><newsItem guid="g"/>', '/'],
    ['another document', '<rss><channel/></rss>', '/'],
    [
      'no guid',
      '<newsItem version="1"><itemMeta><provider literal="A"/><versionCreated>2026-12-02T08:00:00Z</versionCreated></itemMeta><contentMeta><headline>h</headline></contentMeta></newsItem>',
      '/newsItem/@guid',
    ],
    [
      'a bad date',
      '<newsItem guid="g" version="1"><itemMeta><provider literal="A"/><versionCreated>yesterday</versionCreated></itemMeta><contentMeta><headline>h</headline></contentMeta></newsItem>',
      '/itemMeta/versionCreated',
    ],
  ])('refuses %s, naming the place', (_name, xml, field) => {
    expect(() => parseNewsml(xml)).toThrow(WireParseError);
    try {
      parseNewsml(xml);
    } catch (error) {
      expect((error as WireParseError).field).toBe(field);
    }
  });
});

describe('ninjs 2.0', () => {
  it('reads an English item with an HTML body down to its paragraphs', () => {
    const [item] = parseNinjs(wireFixture('ninjs-en.json'), received);
    expect(item).toMatchObject({
      guid: 'urn:example-wire:item:en-ferry-0042',
      version: 2,
      format: 'ninjs',
      agency: 'Example Wire Service',
      language: 'en',
      headline: 'Evening ferry to Masirah cancelled as winds strengthen',
      link: 'https://wire.example.org/en/2026/12/02/ferry-0042',
      urgency: 3,
    });
    expect(item?.body).toBe(
      'The evening ferry to Masirah island has been cancelled because of strong winds, the operator said.\n\n' +
        'Passengers with tickets can travel on the first crossing tomorrow & keep their seats.',
    );
  });

  it('reads an Arabic item under embargo, the agency from its info source', () => {
    const [item] = parseNinjs(wireFixture('ninjs-ar-embargo.json'), received);
    expect(item?.agency).toBe('وكالة المثال للأنباء');
    expect(item?.language).toBe('ar');
    expect(item?.embargoUntil?.toISOString()).toBe('2026-12-02T14:00:00.000Z');
    expect(item?.link).toBeNull();
    expect(item?.body.split('\n\n')).toHaveLength(2);
  });

  it('refuses what is not a ninjs object', () => {
    expect(() => parseNinjs('{', received)).toThrow(WireParseError);
    expect(() => parseNinjs('[1]', received)).toThrow(WireParseError);
    expect(() => parseNinjs('{"headlines":[{"value":"x"}]}', received)).toThrow(/uri/);
    expect(() => parseNinjs('{"uri":"urn:x:1","headlines":[{"value":"x"}]}', received)).toThrow(
      /info source/,
    );
  });
});
