import { mailHtml, mailTexts } from './mail-rendering';

describe('mail rendering', () => {
  it('escapes the text, keeps line breaks and makes the link clickable with its label', () => {
    const link = 'https://example.test/r/abc?x=1&y=2';
    expect(mailHtml(['Beste <Ada>,', `Klik hier:\n${link}`], { url: link, label: 'Openen' })).toBe(
      '<p>Beste &#60;Ada&#62;,</p>\n' +
        '<p>Klik hier:<br><a href="https://example.test/r/abc?x=1&#38;y=2">Openen</a></p>',
    );
    expect(mailHtml(['a\nb'])).toBe('<p>a<br>b</p>');
  });

  it('falls back to Dutch and leaves interpolated values unescaped in the plain text', () => {
    const t = mailTexts({ nl: { mail: { hi: 'Hoi {{name}}' } }, en: { mail: {} } });
    expect(t('en')('hi', { name: 'A & B' })).toBe('Hoi A & B');
  });
});
