import { describe, expect, it } from 'vitest';
import { RateLimitNote } from '../../src/lib/http/rate-limit-note.ts';

describe('RateLimitNote: clients the database refused, kept in memory until their Retry-After', () => {
  it('refuses a noted client in that bucket until its Retry-After has passed, rounding up to whole seconds', () => {
    const note = new RateLimitNote();
    note.refused('survey_response', 'a', 30, 0);
    expect(note.retryAfter('survey_response', 'a', 0)).toBe(30);
    expect(note.retryAfter('survey_response', 'a', 29_001)).toBe(1);
    expect(note.retryAfter('survey_response', 'b', 0)).toBeNull();
    expect(note.retryAfter('ticket_registration', 'a', 0)).toBeNull();
    expect(note.retryAfter('survey_response', 'a', 30_000)).toBeNull();
    expect(note.size).toBe(0); // the expired entry went when it was read
  });

  it('drops expired entries as new ones come, and never holds more than its capacity', () => {
    const note = new RateLimitNote(3);
    for (let i = 0; i < 3; i++) note.refused('survey_response', `old-${i}`, 1, 0);
    note.refused('survey_response', 'new', 60, 5_000);
    expect(note.size).toBe(1);
    for (let i = 0; i < 10; i++) note.refused('survey_response', `live-${i}`, 60, 6_000);
    expect(note.size).toBe(3);
    expect(note.retryAfter('survey_response', 'live-9', 6_000)).toBe(60);
    expect(note.retryAfter('survey_response', 'new', 6_000)).toBeNull(); // the oldest went first
  });
});
