import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ExperienceValue, ValueTargetChange } from '@wk/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { valueTargetsNl } from '../../i18n/nl-value-targets';
import { jsonResponse, renderAt } from '../../test-utils';
import { ValueTargetEditor } from './value-target-editor';

const value = {
  id: 'v1',
  key: 'betrouwbaar',
  nameNl: 'Betrouwbaar',
  nameEn: 'Reliable',
  descriptionNl: '',
  descriptionEn: '',
  level: 'basis',
  tier: 'base',
  charge: 'rational',
  theme: null,
  targetGrade: 7.5,
  questionNl: null,
  questionEn: null,
  loadings: [],
  behaviours: [],
} as ExperienceValue;

afterEach(() => vi.unstubAllGlobals());

describe('ValueTargetEditor', () => {
  it('saves a new target with PUT, names a refused value, and lists the history', async () => {
    const history: ValueTargetChange[] = [
      {
        valueKey: 'betrouwbaar',
        targetGrade: 7.5,
        validFrom: '2026-01-05T09:00:00.000Z',
        source: 'version',
        setByName: null,
      },
    ];
    const bodies: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/values/betrouwbaar/target') {
          const body = JSON.parse(String(init?.body));
          bodies.push(body);
          if (body.targetGrade > 10)
            return jsonResponse(400, {
              code: 'validation_failed',
              message: 'Invalid',
              errors: [{ field: 'targetGrade', message: 'targetGrade must not be greater than 10' }],
            });
          const change = { ...history[0], targetGrade: body.targetGrade, source: 'target', setByName: 'HR' };
          history.unshift(change as ValueTargetChange);
          return jsonResponse(200, change);
        }
        return jsonResponse(200, history);
      }),
    );
    renderAt('/values', <ValueTargetEditor value={value} />);
    expect(await screen.findByText(/7,5 vanaf/)).toBeTruthy();

    const input = screen.getByLabelText(valueTargetsNl.label);
    fireEvent.change(input, { target: { value: '8,5' } });
    fireEvent.click(screen.getByRole('button', { name: valueTargetsNl.save }));
    await waitFor(() => expect(bodies).toEqual([{ targetGrade: 8.5 }]));
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(await screen.findByText(/8,5 vanaf .*HR/)).toBeTruthy();

    fireEvent.change(input, { target: { value: '11' } });
    fireEvent.click(screen.getByRole('button', { name: valueTargetsNl.save }));
    expect(await screen.findByText('targetGrade must not be greater than 10')).toBeTruthy();
  });
});
