import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { renderAt } from '../../test-utils';
import { LevelLegend } from './level-legend';

describe('LevelLegend', () => {
  afterEach(() => void i18n.changeLanguage('nl'));

  it("explains the four levels in one line each, in the reader's language", async () => {
    renderAt('/', <LevelLegend />);
    const legend = screen.getByRole('region', { name: 'De vier niveaus' });
    expect(
      within(legend)
        .getAllByRole('term')
        .map((t) => t.textContent),
    ).toEqual(['Sterk verbeterbaar', 'Verbeterbaar', 'Goed', 'Voorbeeldfunctie']);
    expect(within(legend).getByText('Ik laat dit gedrag meestal zien.')).toBeTruthy();

    await i18n.changeLanguage('en');
    expect(await screen.findByRole('region', { name: 'The four levels' })).toBeTruthy();
    expect(screen.getByText('Role model')).toBeTruthy();
  });
});
