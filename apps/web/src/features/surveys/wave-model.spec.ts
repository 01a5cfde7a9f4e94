import { describe, expect, it } from 'vitest';
import { commentGroup, funnelNotes, funnelSteps, responseRateOf, waveActions } from './wave-model';

describe('wave funnel', () => {
  it('gives the four steps in order with their share of the invited; the second is sent + held', () => {
    expect(funnelSteps({ invited: 40, sent: 30, held: 8, opened: 20, answered: 10 })).toEqual([
      { stage: 'invited', value: 40, share: 1 },
      { stage: 'reached', value: 38, share: 0.95 },
      { stage: 'opened', value: 20, share: 0.5 },
      { stage: 'answered', value: 10, share: 0.25 },
    ]);
  });

  it('has no shares without invitations', () => {
    expect(funnelSteps({ invited: 0, sent: 0, held: 0, opened: 0, answered: 0 }).map((s) => s.share)).toEqual(
      [null, null, null, null],
    );
  });

  it.each([
    [{ held: 0, waiting: 0, notSent: 0, answeredOutside: 0 }, []],
    [{ held: 40, waiting: 0, notSent: 0, answeredOutside: 0 }, [['heldNote', 40]]],
    [
      { held: 0, waiting: 2, notSent: 1, answeredOutside: 1 },
      [
        ['waitingNote', 2],
        ['notSentNote', 1],
        ['outsideNote', 1],
      ],
    ],
  ])('names beside the funnel %j: %j', (wave, notes) => {
    expect(funnelNotes(wave).map((n) => [n.key, n.count])).toEqual(notes);
  });

  it("prefers the api's response rate and falls back to answered / invited", () => {
    expect(responseRateOf({ responseRate: 0.3, invited: 10, answered: 5 })).toBe(0.3);
    expect(responseRateOf({ responseRate: null, invited: 8, answered: 2 })).toBe(0.25);
    expect(responseRateOf({ responseRate: null, invited: 0, answered: 0 })).toBeNull();
  });
});

describe('wave actions', () => {
  it('allows one reminder and closing only while the wave is open', () => {
    expect(waveActions({ closedAt: null, reminderSentAt: null })).toEqual({
      canRemind: true,
      canClose: true,
    });
    expect(waveActions({ closedAt: null, reminderSentAt: '2025-01-08T09:00:00Z' })).toEqual({
      canRemind: false,
      canClose: true,
    });
    expect(waveActions({ closedAt: '2025-01-15T09:00:00Z', reminderSentAt: null })).toEqual({
      canRemind: false,
      canClose: false,
    });
  });
});

describe('comment groups', () => {
  const waves = [{ id: 'w1', opensAt: '2025-03-03T09:00:00Z' }];
  it('names the open link, a known wave by its start, and anything else as unknown', () => {
    expect(commentGroup('open', waves)).toEqual({ kind: 'open' });
    expect(commentGroup('w1', waves)).toEqual({ kind: 'wave', opensAt: '2025-03-03T09:00:00Z' });
    expect(commentGroup('w9', waves)).toEqual({ kind: 'unknown' });
  });
});
