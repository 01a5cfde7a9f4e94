import {
  checkForPublish,
  DEFAULT_TARGET_BY_LEVEL,
  newValue,
  recognitionQuestion,
  slugify,
  structuralErrors,
  uniqueKey,
  ValueDraft,
  ValueSetContent,
} from './values';
import { behaviourLineage, continuedBehaviourKey, diffValueSets, draftFrom } from './value-versions';

function value(nameNl: string, behaviours: string[], key = slugify(nameNl)): ValueDraft {
  return {
    ...newValue(nameNl, 'basis', []),
    key,
    behaviours: behaviours.map((textNl, i) => ({
      key: `${key}-${i + 1}`,
      continuesKey: null,
      textNl,
      textEn: '',
    })),
  };
}

const vidomes: ValueSetContent = {
  values: [
    value('Betrouwbaar', ['ben helder en eerlijk', 'kom gemaakte afspraken na']),
    value('Persoonlijk', ['heb alle aandacht voor de klant']),
  ],
};

describe('keys', () => {
  it.each([
    ['Betrouwbaar', 'betrouwbaar'],
    ['Klant boven regels!', 'klant-boven-regels'],
    ['  Één Café  ', 'een-cafe'],
    ['Heb ik voor je gedaan', 'heb-ik-voor-je-gedaan'],
    ['!!!', ''],
  ])('slugifies %j to %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('numbers a key that is taken and falls back when the name has no letters', () => {
    expect(uniqueKey('Dichtbij', ['dichtbij'])).toBe('dichtbij-2');
    expect(uniqueKey('Dichtbij', ['dichtbij', 'dichtbij-2'])).toBe('dichtbij-3');
    expect(uniqueKey('???', [])).toBe('waarde');
  });

  it('keeps a numbered key within the length limit', () => {
    const long = 'a'.repeat(80);
    const key = uniqueKey(long, ['a'.repeat(60)]);
    expect(key).toHaveLength(60);
    expect(key.endsWith('-2')).toBe(true);
  });
});

describe('defaults', () => {
  it('sets the target and charge by pyramid level (docs/formulas.md, Targets)', () => {
    expect(newValue('Gemak', 'gemak', []).targetGrade).toBe(7.5);
    expect(newValue('Warm', 'persoonlijk', []).targetGrade).toBe(8.5);
    expect(newValue('Warm', 'persoonlijk', []).charge).toBe('emotional');
    expect(newValue('Netjes', 'basis', []).tier).toBe('base');
    expect(DEFAULT_TARGET_BY_LEVEL.verrassend).toBe(8.5);
  });

  it('asks the default recognition question with the value name, or the organisation’s own', () => {
    const v = { nameNl: 'Dichtbij', nameEn: 'Close by', questionNl: null, questionEn: null };
    expect(recognitionQuestion(v, 'nl')).toBe("In welke mate herkent u 'dichtbij' in onze dienstverlening?");
    expect(recognitionQuestion(v, 'en')).toBe("To what extent do you recognise 'close by' in our service?");
    expect(recognitionQuestion({ ...v, questionNl: 'Was {waarde} merkbaar?' }, 'nl')).toBe(
      'Was dichtbij merkbaar?',
    );
    expect(recognitionQuestion({ ...v, nameEn: '' }, 'en')).toContain("'dichtbij'");
  });
});

describe('publish rules', () => {
  it('refuses an empty set', () => {
    const check = checkForPublish({ values: [] });
    expect(check.canPublish).toBe(false);
    expect(check.errors).toEqual([expect.objectContaining({ field: 'values', code: 'no_values' })]);
  });

  it('refuses a value without behaviours, naming it', () => {
    const check = checkForPublish({ values: [vidomes.values[0], value('Dichtbij', [])] });
    expect(check.errors).toEqual([
      {
        field: 'values[1].behaviours',
        code: 'no_behaviours',
        message: "'Dichtbij' needs at least one behaviour",
      },
    ]);
  });

  it('accepts the Vidomes set without warnings', () => {
    expect(checkForPublish(vidomes)).toEqual({ errors: [], warnings: [], canPublish: true });
  });

  it('warns above six values but does not forbid seven', () => {
    const seven = {
      values: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => value(`Waarde ${n}`, ['iets'])),
    };
    const check = checkForPublish(seven);
    expect(check.canPublish).toBe(true);
    expect(check.warnings).toEqual([expect.objectContaining({ code: 'too_many_values', field: 'values' })]);
    expect(checkForPublish({ values: seven.values.slice(0, 6) }).warnings).toEqual([]);
  });

  it('refuses duplicate value keys and names (case-insensitive), naming the later one', () => {
    const errors = structuralErrors({
      values: [
        value('Samen', ['a'], 'samen'),
        value('samen ', ['b'], 'samen-2'),
        value('Anders', ['c'], 'samen'),
      ],
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['values[1].nameNl', 'duplicate_name'],
      ['values[2].key', 'duplicate_key'],
      ['values[2].behaviours[0].key', 'duplicate_behaviour_key'],
    ]);
  });

  it('refuses a behaviour key used twice in one version, also across values', () => {
    const a = value('Betrouwbaar', ['x']);
    const b = value('Persoonlijk', ['y']);
    b.behaviours[0].key = a.behaviours[0].key;
    expect(structuralErrors({ values: [a, b] })).toEqual([
      expect.objectContaining({ field: 'values[1].behaviours[0].key', code: 'duplicate_behaviour_key' }),
    ]);
  });

  it('refuses continuing a behaviour that the published version does not have', () => {
    const v = value('Dichtbij', ['ben bereikbaar']);
    v.behaviours[0].continuesKey = 'bestaat-niet';
    expect(structuralErrors({ values: [v] }, ['dichtbij-1'])).toEqual([
      expect.objectContaining({
        field: 'values[0].behaviours[0].continuesKey',
        code: 'unknown_continued_behaviour',
      }),
    ]);
    v.behaviours[0].continuesKey = 'dichtbij-1';
    expect(structuralErrors({ values: [v] }, ['dichtbij-1'])).toEqual([]);
  });
});

describe('key continuity', () => {
  it('copies every key into a new draft and lets each behaviour continue itself', () => {
    const draft = draftFrom(vidomes);
    expect(draft.values.map((v) => v.key)).toEqual(['betrouwbaar', 'persoonlijk']);
    expect(draft.values[0].behaviours).toEqual([
      expect.objectContaining({ key: 'betrouwbaar-1', continuesKey: 'betrouwbaar-1' }),
      expect.objectContaining({ key: 'betrouwbaar-2', continuesKey: 'betrouwbaar-2' }),
    ]);
    draft.values[0].behaviours[0].textNl = 'changed';
    expect(vidomes.values[0].behaviours[0].textNl).toBe('ben helder en eerlijk');
  });

  it('says which earlier behaviour a new one carries on', () => {
    const previous = new Set(['betrouwbaar-1', 'betrouwbaar-2']);
    expect(continuedBehaviourKey({ key: 'betrouwbaar-1', continuesKey: null }, previous)).toBe(
      'betrouwbaar-1',
    );
    expect(continuedBehaviourKey({ key: 'nieuw', continuesKey: 'betrouwbaar-2' }, previous)).toBe(
      'betrouwbaar-2',
    );
    expect(continuedBehaviourKey({ key: 'nieuw', continuesKey: null }, previous)).toBeNull();
    expect(continuedBehaviourKey({ key: 'nieuw', continuesKey: 'weg' }, previous)).toBeNull();
  });
});

describe('diff against the published version', () => {
  it('reports nothing for an untouched draft', () => {
    expect(diffValueSets(vidomes, draftFrom(vidomes))).toEqual({ values: [], unchanged: 2 });
  });

  it('reports rewordings, replacements, additions, removals, moves and field changes', () => {
    const draft = draftFrom(vidomes);
    const [betrouwbaar, persoonlijk] = draft.values;
    betrouwbaar.behaviours[0].textNl = 'ben helder, eerlijk en duidelijk';
    betrouwbaar.behaviours[1] = {
      key: 'afspraak-is-afspraak',
      continuesKey: 'betrouwbaar-2',
      textNl: 'afspraak is afspraak',
      textEn: '',
    };
    betrouwbaar.behaviours.push({
      key: 'betrouwbaar-3',
      continuesKey: null,
      textNl: 'ben Vidomes',
      textEn: '',
    });
    persoonlijk.targetGrade = 9;
    draft.values = [persoonlijk, betrouwbaar, value('Dichtbij', ['ben bereikbaar'])];

    const diff = diffValueSets(vidomes, draft);
    expect(diff.unchanged).toBe(0);
    expect(diff.values).toEqual([
      {
        kind: 'changed',
        key: 'persoonlijk',
        name: 'Persoonlijk',
        fields: ['targetGrade'],
        behaviours: [],
        moved: true,
      },
      {
        kind: 'changed',
        key: 'betrouwbaar',
        name: 'Betrouwbaar',
        fields: [],
        moved: true,
        behaviours: [
          {
            kind: 'reworded',
            key: 'betrouwbaar-1',
            before: 'ben helder en eerlijk',
            after: 'ben helder, eerlijk en duidelijk',
          },
          {
            kind: 'replaced',
            key: 'afspraak-is-afspraak',
            continuesKey: 'betrouwbaar-2',
            before: 'kom gemaakte afspraken na',
            after: 'afspraak is afspraak',
          },
          { kind: 'added', key: 'betrouwbaar-3', after: 'ben Vidomes' },
        ],
      },
      {
        kind: 'added',
        key: 'dichtbij',
        name: 'Dichtbij',
        fields: [],
        moved: false,
        behaviours: [{ kind: 'added', key: 'dichtbij-1', after: 'ben bereikbaar' }],
      },
    ]);
  });

  it('reports a removed value with its behaviours and a removed behaviour', () => {
    const draft = draftFrom(vidomes);
    draft.values[0].behaviours.pop();
    draft.values.pop();
    expect(diffValueSets(vidomes, draft).values).toEqual([
      expect.objectContaining({
        kind: 'changed',
        key: 'betrouwbaar',
        behaviours: [{ kind: 'removed', key: 'betrouwbaar-2', before: 'kom gemaakte afspraken na' }],
      }),
      expect.objectContaining({
        kind: 'removed',
        key: 'persoonlijk',
        behaviours: [{ kind: 'removed', key: 'persoonlijk-1', before: 'heb alle aandacht voor de klant' }],
      }),
    ]);
  });
});

describe('behaviour lineage across versions', () => {
  const version = (...behaviours: [string, string | null][]) => ({
    behaviours: behaviours.map(([key, continuesKey]) => ({ key, continuesKey })),
  });

  it('follows rewordings through every version to the newest key; kept keys and stopped ones stay', () => {
    const lineage = behaviourLineage([
      version(['a-1', null], ['a-2', null], ['b-1', null]),
      version(['a-1', 'a-1'], ['a-nieuw', 'a-2'], ['b-1', 'b-1']),
      version(['a-1', 'a-1'], ['a-helder', 'a-nieuw']),
    ]);
    expect(Object.fromEntries(lineage)).toEqual({
      'a-1': 'a-1',
      'a-2': 'a-helder',
      'a-nieuw': 'a-helder',
      'a-helder': 'a-helder',
      'b-1': 'b-1',
    });
  });

  it('maps the first key of any chain of rewordings to the last, however long', () => {
    for (let length = 1; length <= 8; length++) {
      const keys = Array.from({ length }, (_, i) => `k-${i}`);
      const lineage = behaviourLineage(keys.map((key, i) => version([key, i ? keys[i - 1] : null])));
      for (const key of keys) expect([key, lineage.get(key)]).toEqual([key, keys[length - 1]]);
    }
  });

  it('ignores a continuation of a key the previous version did not have', () => {
    const lineage = behaviourLineage([version(['a', null]), version(['b', 'bestaat-niet'])]);
    expect(Object.fromEntries(lineage)).toEqual({ a: 'a', b: 'b' });
  });
});
