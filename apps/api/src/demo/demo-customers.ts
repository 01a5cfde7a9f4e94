import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Vidomes' customers (docs/domain.md, Examples): two segments, the repair journey with its touchpoints, one survey. */
const SEGMENTS = [
  {
    name: 'Huurders',
    description: 'Huishoudens die een woning van Vidomes huren.',
    persona: 'Fatima (42) woont met haar twee kinderen in Delft-Noord; ze belt liever dan dat ze mailt.',
  },
  {
    name: 'Woningzoekenden',
    description: 'Ingeschreven woningzoekenden, vaak jong en digitaal.',
    persona: 'Joris (24) zoekt zijn eerste woning en volgt alles via de website.',
  },
];

export const REPAIR_TOUCHPOINTS = [
  { name: 'Reparatie melden op de website', channel: 'website', momentOfTruth: false, team: null },
  {
    name: 'Telefoongesprek met het klantcontactcentrum',
    channel: 'phone',
    momentOfTruth: true,
    team: 'Klantcontactcentrum',
  },
  { name: 'Bevestiging van de afspraak', channel: 'email', momentOfTruth: false, team: null },
  { name: 'Monteur aan huis', channel: 'visit', momentOfTruth: true, team: 'Onderhoud' },
  {
    name: 'Nabellen of alles in orde is',
    channel: 'phone',
    momentOfTruth: false,
    team: 'Klantcontactcentrum',
  },
];

/** What the demo history needs of the customer context: ids by name and by touchpoint position. */
export interface DemoCustomers {
  surveyId: string;
  journeyId: string;
  segmentIds: Map<string, string>;
  touchpointIds: string[];
}

export async function seedCustomers(
  m: EntityManager,
  organisationId: string,
  versionId: string,
  teamIds: Map<string, string>,
): Promise<DemoCustomers> {
  const segmentIds: string[] = [];
  const touchpointIds: string[] = [];
  for (const segment of SEGMENTS) {
    const [row] = await m.query(
      `INSERT INTO customer_segments (organisation_id, name, description, persona) VALUES ($1, $2, $3, $4) RETURNING id`,
      [organisationId, segment.name, segment.description, segment.persona],
    );
    segmentIds.push(row.id);
  }
  const [journey] = await m.query(
    `INSERT INTO customer_journeys (organisation_id, name, description, segment_id)
     VALUES ($1, 'Reparatieverzoek', 'Van de melding van een kapotte kraan tot het nabellen.', $2) RETURNING id`,
    [organisationId, segmentIds[0]],
  );
  await m.query(`INSERT INTO journey_teams (organisation_id, journey_id, team_id) VALUES ($1, $2, $3)`, [
    organisationId,
    journey.id,
    teamIds.get('Onderhoud'),
  ]);
  for (const [position, touchpoint] of REPAIR_TOUCHPOINTS.entries()) {
    const [row] = await m.query(
      `INSERT INTO journey_touchpoints (organisation_id, journey_id, position, name, channel, moment_of_truth)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [organisationId, journey.id, position, touchpoint.name, touchpoint.channel, touchpoint.momentOfTruth],
    );
    touchpointIds.push(row.id);
    if (touchpoint.team)
      await m.query(
        `INSERT INTO touchpoint_teams (organisation_id, touchpoint_id, team_id) VALUES ($1, $2, $3)`,
        [organisationId, row.id, teamIds.get(touchpoint.team)],
      );
  }
  const [survey] = await m.query(
    `INSERT INTO surveys (organisation_id, name, values_version_id, journey_id, segment_id, title_nl, title_en,
                          intro_nl, intro_en, ask_nps, ask_comment, open_code)
     VALUES ($1, 'Huurders na een reparatie', $2, $3, $4, 'Uw reparatieverzoek', 'Your repair request',
             'Herkent u onze waarden in hoe wij uw reparatie hebben afgehandeld?',
             'Do you recognise our values in how we handled your repair?', true, true, $5) RETURNING id`,
    [organisationId, versionId, journey.id, segmentIds[0], randomBytes(16).toString('base64url')],
  );
  return {
    surveyId: survey.id,
    journeyId: journey.id,
    segmentIds: new Map(SEGMENTS.map((s, i) => [s.name, segmentIds[i]])),
    touchpointIds,
  };
}
