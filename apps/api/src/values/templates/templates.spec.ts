import {
  checkForPublish,
  DEFAULT_TARGET_BY_LEVEL,
  KEY_PATTERN,
  LOADING_AREAS,
  PYRAMID_LEVELS,
  VALUE_CHARGES,
  VALUE_LIMITS,
  VALUE_TIERS,
} from '@wk/domain';
import { VALUE_TEMPLATE_FORMAT } from '@wk/contracts';
import { templateSummaries, VALUE_TEMPLATES, VIDOMES_TEMPLATE } from './index';

/** A text that is filled in (not only whitespace) and fits its limit. */
function expectText(text: string, max: number): void {
  expect(typeof text).toBe('string');
  expect(text.trim().length).toBeGreaterThan(0);
  expect(text.length).toBeLessThanOrEqual(max);
}

describe('shipped value templates', () => {
  it.each(Object.entries(VALUE_TEMPLATES))('%s is complete, bilingual and publishable', (_key, template) => {
    expect(template.format).toBe(VALUE_TEMPLATE_FORMAT);
    expect(template.name.trim()).not.toBe('');
    expect(template.description.trim()).not.toBe('');
    expect(checkForPublish(template)).toEqual({ errors: [], warnings: [], canPublish: true });
    expect(template.values.length).toBeLessThanOrEqual(VALUE_LIMITS.recommendedMaxValues);
    for (const value of template.values) {
      expect(value.key).toMatch(KEY_PATTERN);
      expect(value.key.length).toBeLessThanOrEqual(VALUE_LIMITS.keyLength);
      expectText(value.nameNl, VALUE_LIMITS.nameLength);
      expectText(value.nameEn, VALUE_LIMITS.nameLength);
      expectText(value.descriptionNl, VALUE_LIMITS.descriptionLength);
      expectText(value.descriptionEn, VALUE_LIMITS.descriptionLength);
      expect(PYRAMID_LEVELS).toContain(value.level);
      expect(VALUE_TIERS).toContain(value.tier);
      expect(VALUE_CHARGES).toContain(value.charge);
      if (value.theme !== null) expectText(value.theme, VALUE_LIMITS.themeLength);
      expect(value.targetGrade).toBe(DEFAULT_TARGET_BY_LEVEL[value.level]);
      expect([value.questionNl, value.questionEn]).toEqual([null, null]);

      expect(value.loadings.length).toBeGreaterThan(0);
      expect(value.loadings.length).toBeLessThanOrEqual(VALUE_LIMITS.loadingsPerValue);
      for (const loading of value.loadings) {
        expect(LOADING_AREAS).toContain(loading.area);
        expectText(loading.textNl, VALUE_LIMITS.loadingLength);
        expectText(loading.textEn, VALUE_LIMITS.loadingLength);
      }

      expect(value.behaviours.length).toBeLessThanOrEqual(VALUE_LIMITS.behavioursPerValue);
      value.behaviours.forEach((b, i) => {
        expect(b.key).toBe(`${value.key}-${i + 1}`);
        expect(b.key).toMatch(KEY_PATTERN);
        expect(b.continuesKey).toBeNull();
        expectText(b.textNl, VALUE_LIMITS.behaviourLength);
        expectText(b.textEn, VALUE_LIMITS.behaviourLength);
      });
    }
  });

  it('has the Vidomes values and behaviours exactly as in docs/domain.md', () => {
    expect(VIDOMES_TEMPLATE.values.map((v) => [v.nameNl, v.behaviours.map((b) => b.textNl)])).toEqual([
      [
        'Betrouwbaar',
        ['ben helder en eerlijk in wat de klant kan verwachten', 'kom gemaakte afspraken na', 'ben Vidomes'],
      ],
      [
        'Persoonlijk',
        [
          'heb alle aandacht voor de klant',
          'verdiep me in en hou rekening met de individuele klant',
          "hanteer 'klant boven regels'",
        ],
      ],
      [
        'Dichtbij',
        [
          'ben bereikbaar',
          'ga langs/bel als het kan en mail/schrijf als het moet',
          'ben zichtbaar aanwezig in de wijk',
        ],
      ],
      [
        'Samen',
        [
          'betrek klanten vroeg bij keuzes en maatregelen (co-creatie)',
          "werk goed samen met collega's en partners voor de klant",
          'help klanten op weg naar partners',
        ],
      ],
    ]);
  });

  it('places the Vidomes values in the pyramid with their keys and English names', () => {
    expect(VALUE_TEMPLATES['vidomes']).toBe(VIDOMES_TEMPLATE);
    expect(VIDOMES_TEMPLATE.name).toBe('Vidomes');
    expect(
      VIDOMES_TEMPLATE.values.map((v) => [
        v.key,
        v.nameEn,
        v.level,
        v.tier,
        v.charge,
        v.theme,
        v.targetGrade,
      ]),
    ).toEqual([
      ['betrouwbaar', 'Reliable', 'basis', 'base', 'rational', null, 7.5],
      ['persoonlijk', 'Personal', 'persoonlijk', 'distinguishing', 'emotional', null, 8.5],
      ['dichtbij', 'Close by', 'persoonlijk', 'distinguishing', 'emotional', null, 8.5],
      ['samen', 'Together', 'gemak', 'distinguishing', 'rational', null, 7.5],
    ]);
    expect(VIDOMES_TEMPLATE.values[0].behaviours.map((b) => [b.key, b.textEn])).toEqual([
      ['betrouwbaar-1', 'am clear and honest about what the customer can expect'],
      ['betrouwbaar-2', 'keep the agreements I make'],
      ['betrouwbaar-3', 'am Vidomes'],
    ]);
  });

  it('has the Autotaalglas house of five with its tiers and themes', () => {
    expect(VALUE_TEMPLATES['autotaalglas'].values.map((v) => [v.key, v.tier, v.theme])).toEqual([
      ['netjes', 'base', 'vakmanschap'],
      ['specialist', 'base', 'vakmanschap'],
      ['toegewijd', 'distinguishing', 'passie'],
      ['gastvrij', 'distinguishing', 'passie'],
      ['attent', 'unique', 'aandacht'],
    ]);
  });

  it('has three of the five Arval values', () => {
    const arval = VALUE_TEMPLATES['arval'];
    expect(arval.values.map((v) => v.key)).toEqual([
      'hostmanship',
      'heb-ik-voor-je-gedaan',
      'contact-boven-contract',
    ]);
    expect(arval.description).toMatch(/drie van de vijf/i);
  });

  it('summarises every template', () => {
    expect(templateSummaries()).toEqual(
      Object.entries(VALUE_TEMPLATES).map(([key, t]) => ({
        key,
        name: t.name,
        description: t.description,
        valueCount: t.values.length,
      })),
    );
    expect(templateSummaries().map((t) => [t.key, t.valueCount])).toEqual([
      ['vidomes', 4],
      ['autotaalglas', 5],
      ['arval', 3],
    ]);
  });
});
