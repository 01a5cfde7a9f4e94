import { checkForPublish, KEY_PATTERN, VALUE_LIMITS } from '@wk/domain';
import { VALUE_TEMPLATE_FORMAT } from '@wk/contracts';
import { templateSummaries, VALUE_TEMPLATES, VIDOMES_TEMPLATE } from './index';

describe('shipped value templates', () => {
  it.each(Object.entries(VALUE_TEMPLATES))('%s is complete, bilingual and publishable', (_key, template) => {
    expect(template.format).toBe(VALUE_TEMPLATE_FORMAT);
    expect(checkForPublish(template)).toEqual({ errors: [], warnings: [], canPublish: true });
    for (const value of template.values) {
      expect(value.key).toMatch(KEY_PATTERN);
      expect(value.nameNl.length).toBeLessThanOrEqual(VALUE_LIMITS.nameLength);
      expect(value.nameEn).not.toBe('');
      expect(value.descriptionNl.length).toBeLessThanOrEqual(VALUE_LIMITS.descriptionLength);
      expect(value.descriptionEn).not.toBe('');
      for (const text of value.loadings.flatMap((l) => [l.textNl, l.textEn])) {
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(VALUE_LIMITS.loadingLength);
      }
      for (const b of value.behaviours) {
        expect(b.key).toMatch(KEY_PATTERN);
        expect(b.continuesKey).toBeNull();
        for (const text of [b.textNl, b.textEn]) {
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(VALUE_LIMITS.behaviourLength);
        }
      }
    }
  });

  it('has the Vidomes values and behaviours exactly as in domain.md §3', () => {
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

  it('has the Autotaalglas house of five with its tiers and themes', () => {
    expect(VALUE_TEMPLATES['autotaalglas'].values.map((v) => [v.key, v.tier, v.theme])).toEqual([
      ['netjes', 'base', 'vakmanschap'],
      ['specialist', 'base', 'vakmanschap'],
      ['toegewijd', 'distinguishing', 'passie'],
      ['gastvrij', 'distinguishing', 'passie'],
      ['attent', 'unique', 'aandacht'],
    ]);
  });

  it('summarises every template', () => {
    expect(templateSummaries().map((t) => [t.key, t.valueCount])).toEqual([
      ['vidomes', 4],
      ['autotaalglas', 5],
      ['arval', 3],
    ]);
  });
});
