import { describe, expect, it } from 'vitest';
import { formatGmtOffset, wallTimeToInstant, zoneOffsetMinutes } from './time.wall.js';

const iso = (wall: string, zone: string) => wallTimeToInstant(wall, zone)?.toISOString();

describe('wallTimeToInstant', () => {
  it('reads Muscat time (GMT+4, no summer time)', () => {
    expect(iso('2026-12-02T15:30', 'Asia/Muscat')).toBe('2026-12-02T11:30:00.000Z');
    expect(iso('2026-07-01T00:15', 'Asia/Muscat')).toBe('2026-06-30T20:15:00.000Z');
  });

  it('reads London time in winter and in summer', () => {
    expect(iso('2026-01-15T09:00', 'Europe/London')).toBe('2026-01-15T09:00:00.000Z');
    expect(iso('2026-07-15T09:00', 'Europe/London')).toBe('2026-07-15T08:00:00.000Z');
  });

  it('reads New York time on both sides of the spring change', () => {
    // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT.
    expect(iso('2026-03-08T01:30', 'America/New_York')).toBe('2026-03-08T06:30:00.000Z');
    expect(iso('2026-03-08T03:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    // 02:30 never happens that night: moved on by the gap, to 03:30 EDT.
    expect(iso('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the earlier of a time that happens twice (New York, autumn)', () => {
    // 2026-11-01: clocks go back from 02:00 EDT to 01:00 EST; 01:30 happens twice.
    expect(iso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(iso('2026-11-01T02:30', 'America/New_York')).toBe('2026-11-01T07:30:00.000Z');
  });

  it('reads Beirut time in winter (GMT+2) and summer (GMT+3)', () => {
    expect(iso('2026-01-10T12:00', 'Asia/Beirut')).toBe('2026-01-10T10:00:00.000Z');
    expect(iso('2026-08-10T12:00', 'Asia/Beirut')).toBe('2026-08-10T09:00:00.000Z');
  });

  it('gives back the same wall time when formatted in the zone', () => {
    const zones = ['Asia/Muscat', 'Europe/London', 'America/New_York', 'Asia/Beirut', 'UTC'];
    const walls = ['2026-02-28T23:59', '2026-06-21T12:00', '2026-10-25T00:00'];
    for (const zone of zones) {
      for (const wall of walls) {
        const at = wallTimeToInstant(wall, zone);
        const text = at?.toLocaleString('sv-SE', { timeZone: zone }).slice(0, 16);
        expect(text?.replace(' ', 'T')).toBe(wall);
      }
    }
  });

  it('refuses what is not a wall time, or an unknown zone', () => {
    expect(wallTimeToInstant('', 'Asia/Muscat')).toBeNull();
    expect(wallTimeToInstant('2026-02-30T10:00', 'Asia/Muscat')).toBeNull();
    expect(wallTimeToInstant('2026-02-03T24:00', 'Asia/Muscat')).toBeNull();
    expect(wallTimeToInstant('2026-02-03 10:00', 'Asia/Muscat')).toBeNull();
    expect(wallTimeToInstant('2026-02-03T10:00', 'Mars/Olympus')).toBeNull();
  });
});

describe('zone offsets', () => {
  it('names the offset as GMT±h', () => {
    const winter = Date.UTC(2026, 0, 15);
    const summer = Date.UTC(2026, 6, 15);
    expect(formatGmtOffset(winter, 'Asia/Muscat')).toBe('GMT+4');
    expect(formatGmtOffset(winter, 'America/New_York')).toBe('GMT-5');
    expect(formatGmtOffset(summer, 'America/New_York')).toBe('GMT-4');
    expect(formatGmtOffset(winter, 'Asia/Kolkata')).toBe('GMT+5:30');
    expect(formatGmtOffset(winter, 'Europe/London')).toBe('GMT');
    expect(zoneOffsetMinutes(summer, 'Europe/London')).toBe(60);
  });
});
