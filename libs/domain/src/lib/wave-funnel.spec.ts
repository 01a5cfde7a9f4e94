import fc from 'fast-check';
import {
  bestMailState,
  funnelStages,
  MAIL_STATES,
  mailStateOfStatus,
  type InvitationFacts,
  waveFunnel,
} from './wave-funnel';

const invitation = fc.record({
  mail: fc.constantFrom(...MAIL_STATES),
  opened: fc.boolean(),
  answered: fc.boolean(),
  count: fc.integer({ min: 1, max: 50 }),
});

describe('wave funnel', () => {
  it('never widens, over generated waves', () => {
    fc.assert(
      fc.property(fc.array(invitation, { maxLength: 40 }), (wave) => {
        const stages = funnelStages(waveFunnel(wave)).map((s) => s.value);
        for (let i = 1; i < stages.length; i++) expect(stages[i]).toBeLessThanOrEqual(stages[i - 1]);
        expect(stages.every((v) => v >= 0)).toBe(true);
      }),
    );
  });

  it('accounts for every invitation and every answer, over generated waves', () => {
    fc.assert(
      fc.property(fc.array(invitation, { maxLength: 40 }), (wave) => {
        const f = waveFunnel(wave);
        const total = (pick: (i: InvitationFacts) => boolean) =>
          wave.filter(pick).reduce((sum, i) => sum + (i.count ?? 1), 0);
        expect(f.invited).toBe(total(() => true));
        expect(f.sent + f.held + f.waiting + f.notSent).toBe(f.invited);
        expect(f.answered + f.answeredOutside).toBe(total((i) => i.answered));
        expect(f.held).toBe(total((i) => i.mail === 'held'));
      }),
    );
  });

  it.each([
    // mail, opened, answered → in stage 2, opened, answered, outside
    ['sent', false, false, [1, 0, 0, 0]],
    ['sent', true, false, [1, 1, 0, 0]],
    ['sent', true, true, [1, 1, 1, 0]],
    ['sent', false, true, [1, 1, 1, 0]], // answered without the form's open being recorded
    ['held', true, true, [1, 1, 1, 0]],
    ['waiting', false, false, [0, 0, 0, 0]],
    ['notSent', true, true, [0, 0, 0, 1]],
  ] as const)('a %s mail, opened %s, answered %s', (mail, opened, answered, expected) => {
    const f = waveFunnel([{ mail, opened, answered }]);
    expect([f.sent + f.held, f.opened, f.answered, f.answeredOutside]).toEqual(expected);
  });

  it('keeps the demo case of a wave narrowing then widening narrow', () => {
    // 40 invited, 38 sent, 2 not sent of which 1 answered (a mail that failed, a link passed on).
    const f = waveFunnel([
      { mail: 'sent', opened: true, answered: true, count: 10 },
      { mail: 'sent', opened: true, answered: false, count: 10 },
      { mail: 'sent', opened: false, answered: false, count: 18 },
      { mail: 'notSent', opened: true, answered: true, count: 1 },
      { mail: 'notSent', opened: false, answered: false, count: 1 },
    ]);
    expect(funnelStages(f).map((s) => s.value)).toEqual([40, 38, 20, 10]);
    expect(f.answeredOutside).toBe(1);
  });
});

describe('mail states', () => {
  it.each([
    ['sent', 'sent'],
    ['held', 'held'],
    ['pending', 'waiting'],
    ['failed', 'notSent'],
    [null, 'notSent'],
  ] as const)('outbox status %s → %s', (status, state) => {
    expect(mailStateOfStatus(status)).toBe(state);
  });

  it('takes the best of the invitation and its reminder', () => {
    expect(bestMailState(['notSent', 'sent'])).toBe('sent');
    expect(bestMailState(['held', 'waiting'])).toBe('held');
    expect(bestMailState(['waiting', 'notSent'])).toBe('waiting');
    expect(bestMailState([])).toBe('notSent');
  });
});
