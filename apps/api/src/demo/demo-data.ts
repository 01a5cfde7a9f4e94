/** The demo organisation: Vidomes, a housing corporation in Delft (docs/domain.md, Examples), with made-up people. */
export const DEMO_ORGANISATION = { name: 'Vidomes (demo)', slug: 'vidomes-demo' };
export const DEMO_PASSWORD = 'Waarden-demo-2026';

export const DEMO_DEPARTMENTS: { name: string; teams: string[] }[] = [
  { name: 'Wonen', teams: ['Wijkteam Noord', 'Wijkteam Zuid', 'Klantcontactcentrum'] },
  { name: 'Vastgoed', teams: ['Onderhoud', 'Projecten'] },
];

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.test', name: 'Anouk Admin', role: 'admin', team: null },
  { email: 'hr@demo.test', name: 'Hanna de Ridder', role: 'hr', team: null },
  { email: 'manager@demo.test', name: 'Mark Jansen', role: 'manager', team: 'Wonen', manages: 'Wonen' },
  { email: 'employee@demo.test', name: 'Eva Bakker', role: 'employee', team: 'Wijkteam Noord' },
] as const;

const FIRST = [
  'Sanne',
  'Daan',
  'Lotte',
  'Bram',
  'Fleur',
  'Jesse',
  'Noor',
  'Thijs',
  'Iris',
  'Ruben',
  'Femke',
  'Lars',
  'Anouk',
  'Joris',
  'Mila',
  'Sem',
  'Julia',
  'Koen',
  'Esmee',
  'Milan',
];
const LAST = [
  'de Vries',
  'van Dijk',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
];

/** 40 employees spread over the five teams (8 each), deterministic so every start looks the same. */
export function demoEmployees(): { email: string; name: string; employeeNumber: string; team: string }[] {
  const teams = DEMO_DEPARTMENTS.flatMap((d) => d.teams);
  return Array.from({ length: 40 }, (_, i) => {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7) % LAST.length];
    const slug = `${first}.${last}`.toLowerCase().replace(/[^a-z.]+/g, '');
    return {
      email: `${slug}${i}@demo.test`,
      name: `${first} ${last}`,
      employeeNumber: `V${String(1001 + i)}`,
      team: teams[i % teams.length],
    };
  });
}
