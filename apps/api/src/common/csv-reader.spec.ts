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
        problems: [],
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

describe('readCsv of UTF-16 and NUL bytes', () => {
  const aliases = { email: 'email', naam: 'name', name: 'name', team: 'team' };
  const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const utf16be = (text: string) => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
  };

  it.each([
    ['utf-16le', utf16le],
    ['utf-16be', utf16be],
  ])('reads Excel "Unicode text" (%s with BOM, tab-separated), empty cells included', (encoding, encode) => {
    const sut = readCsv(
      encode('Email\tNaam\tTeam\r\nzoë@x.nl\tZoë Đurić\t\r\nb@x.nl\tBo, de Wit\tZorg\r\n'),
      aliases,
    );
    expect(sut).toMatchObject({ encoding, delimiter: '\t', columns: ['email', 'name', 'team'] });
    expect(sut.rows.map((r) => [r.line, r.cells, r.cellCount])).toEqual([
      [2, { email: 'zoë@x.nl', name: 'Zoë Đurić', team: '' }, 3],
      [3, { email: 'b@x.nl', name: 'Bo, de Wit', team: 'Zorg' }, 3],
    ]);
  });

  it('names the row and column of a NUL byte in a known column, and ignores it elsewhere', () => {
    const sut = readCsv(Buffer.from('email;naam;notitie\na@x.nl;An\0na;\nb@x.nl;Bo;x\0y\n'), aliases);
    expect(sut.rows.map((r) => [r.line, r.problems.map((p) => p.column)])).toEqual([
      [2, ['name']],
      [3, []],
    ]);
  });
});
