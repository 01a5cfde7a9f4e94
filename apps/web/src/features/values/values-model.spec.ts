import type { ExperienceValue } from '@wk/contracts';
import { newValue } from '@wk/domain';
import { describe, expect, it } from 'vitest';
import {
  findProblems,
  localized,
  moveItem,
  pyramidRows,
  themeGroups,
  toDraftContent,
  valueIndexOf,
} from './values-model';

const withBehaviour = (name: string, level: 'basis' | 'persoonlijk' = 'basis') => ({
  ...newValue(name, level, []),
  behaviours: [{ key: `${name.toLowerCase()}-1`, continuesKey: null, textNl: 'doe iets', textEn: '' }],
});

describe('values model', () => {
  it('places values on the pyramid top to bottom, keeping their order', () => {
    const values = [
      withBehaviour('Betrouwbaar'),
      withBehaviour('Persoonlijk', 'persoonlijk'),
      withBehaviour('Netjes'),
    ];
    expect(pyramidRows(values).map((r) => [r.level, r.values.map((v) => v.nameNl)])).toEqual([
      ['verrassend', []],
      ['persoonlijk', ['Persoonlijk']],
      ['gemak', []],
      ['basis', ['Betrouwbaar', 'Netjes']],
    ]);
  });

  it('groups values by theme in order of first appearance', () => {
    const values = [
      { nameNl: 'Netjes', theme: 'vakmanschap' },
      { nameNl: 'Gastvrij', theme: 'passie' },
      { nameNl: 'Specialist', theme: 'vakmanschap' },
      { nameNl: 'Los', theme: null },
    ];
    expect(themeGroups(values).map((g) => [g.theme, g.values.map((v) => v.nameNl)])).toEqual([
      ['vakmanschap', ['Netjes', 'Specialist']],
      ['passie', ['Gastvrij']],
    ]);
  });

  it('moves an item and leaves the list alone at the edges', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'a', 'b']);
    const list = ['a', 'b'];
    expect(moveItem(list, 0, -1)).toBe(list);
    expect(moveItem(list, 1, 1)).toBe(list);
  });

  it('shows English texts when chosen and present, else Dutch', () => {
    const v = {
      nameNl: 'Dichtbij',
      nameEn: 'Close by',
      descriptionNl: 'Dichtbij de klant',
      descriptionEn: '',
    };
    expect(localized(v, 'en')).toEqual({ name: 'Close by', description: 'Dichtbij de klant' });
    expect(localized(v, 'nl')).toEqual({ name: 'Dichtbij', description: 'Dichtbij de klant' });
  });

  it('strips row ids from a stored version for editing', () => {
    const stored = {
      ...withBehaviour('Samen'),
      id: 'v1',
      behaviours: [{ ...withBehaviour('Samen').behaviours[0], id: 'b1' }],
    };
    const [draft] = toDraftContent([stored as ExperienceValue]);
    expect(draft).not.toHaveProperty('id');
    expect(draft.behaviours[0]).toEqual({
      key: 'samen-1',
      continuesKey: null,
      textNl: 'doe iets',
      textEn: '',
    });
  });

  it('finds empty and over-long fields and the publish rules, by the api’s field paths', () => {
    const a = withBehaviour('Betrouwbaar');
    a.behaviours[0].textNl = '  ';
    const b = { ...newValue('Dichtbij', 'persoonlijk', []), nameEn: 'x'.repeat(81) };
    const problems = findProblems([a, b], []);
    expect(problems.map((p) => [p.field, p.code, p.blocking])).toEqual([
      ['values[0].behaviours[0].textNl', 'required', 'save'],
      ['values[1].nameEn', 'tooLong', 'save'],
      ['values[1].behaviours', 'no_behaviours', 'publish'],
    ]);
    expect(findProblems([], [])).toEqual([expect.objectContaining({ field: 'values', code: 'no_values' })]);
  });

  it('says which value a field path belongs to', () => {
    expect(valueIndexOf('values[2].behaviours[0].textNl')).toBe(2);
    expect(valueIndexOf('values')).toBeNull();
  });
});
