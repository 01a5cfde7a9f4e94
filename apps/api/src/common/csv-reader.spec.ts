import { readCsv, requireColumns } from './csv-reader';

const aliases = {
  'e-mail': 'email',
  e_mail: 'email',
  email: 'email',
  naam: 'name',
  name: 'name',
  team: 'team',
};

describe('readCsv', () => {
  it('reads the semicolon CSV that Dutch Excel writes, in Windows-1252 with é', () => {
    const bytes = Buffer.from('E-mail;Naam;Team\r\nanne@x.nl;Ren\xe9e de Vries;Wijkteam Noord\r\n', 'latin1');
    const sut = readCsv(bytes, aliases);
    expect(sut.delimiter).toBe(';');
    expect(sut.encoding).toBe('windows-1252');
    expect(sut.columns).toEqual(['email', 'name', 'team']);
    expect(sut.rows).toEqual([
      {
        line: 2,
        cellCount: 3,
        cells: { email: 'anne@x.nl', name: 'Renée de Vries', team: 'Wijkteam Noord' },
      },
    ]);
  });

  it('reads UTF-8 with a BOM and commas, keeping quoted commas inside a cell', () => {
    const sut = readCsv(Buffer.from('\uFEFFemail,name\n"a@x.nl","Jansen, Piet"\n\nb@x.nl,Bo\n'), aliases);
    expect(sut.encoding).toBe('utf-8');
    expect(sut.delimiter).toBe(',');
    expect(sut.rows.map((r) => [r.line, r.cells.name])).toEqual([
      [2, 'Jansen, Piet'],
      [4, 'Bo'],
    ]);
  });

  it('counts cells so short rows can be reported', () => {
    const sut = readCsv(Buffer.from('email;naam;team\na@x.nl;Anne\n'), aliases);
    expect(sut.rows[0].cellCount).toBe(2);
    expect(sut.rows[0].cells.team).toBe('');
  });

  it.each([
    ['', /empty/],
    ['email;naam\n', /header row and at least one data row/],
    ['email;email\na;b\n', /appears twice/],
    ['email,name\n"unterminated,x\n', /not a readable CSV/],
  ])('refuses %j with a message on the file field', (text, message) => {
    expect(() => readCsv(Buffer.from(text), aliases)).toThrow(message);
  });

  it('names missing required columns', () => {
    const table = readCsv(Buffer.from('naam\nAnne\n'), aliases);
    expect(() => requireColumns(table, ['email', 'name'])).toThrow('missing column(s): email');
  });
});
