import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { effectiveMinimum, waveFunnel, type WaveFunnelCounts } from '@wk/domain';
import type { SurveyComments, Wave } from '@wk/contracts';
import { notFound } from '../common/domain-error';
import { readInvitationFacts } from './waves/wave-funnel.query';

interface WaveRow {
  id: string;
  survey_id: string;
  kind: Wave['kind'];
  opens_at: Date;
  closes_at: Date;
  closed_at: Date | null;
  reminder_sent_at: Date | null;
  contacts_deleted_at: Date | null;
  skipped: number;
  funnel: WaveFunnelCounts;
  you_said_nl: string | null;
  you_said_en: string | null;
}

const LATEST_COMMENTS = 50;

/** HR's view of a survey: the funnel per wave and the latest comments (only from large enough groups). */
@Injectable()
export class SurveyReportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async waves(organisationId: string, surveyId: string): Promise<Wave[]> {
    return (await this.rows(organisationId, { surveyId })).map(toWave);
  }

  async wave(organisationId: string, waveId: string): Promise<Wave> {
    const [row] = await this.rows(organisationId, { waveId });
    if (!row) throw notFound('Wave');
    return toWave(row);
  }

  /**
   * The latest comments. A group is a wave, or the open link; its comments show only when it has
   * at least the organisation's comment minimum of responses (never below the floor of 3). The
   * export (`limit` null) applies the same rule to every comment.
   */
  async comments(
    organisationId: string,
    surveyId: string,
    limit: number | null = LATEST_COMMENTS,
  ): Promise<SurveyComments> {
    const [org] = await this.db.query(`SELECT comment_minimum FROM organisations WHERE id = $1`, [
      organisationId,
    ]);
    const minimum = effectiveMinimum(org?.comment_minimum);
    const groups: { grp: string; responses: number }[] = await this.db.query(
      `SELECT coalesce(wave_id::text, 'open') AS grp, count(*)::int AS responses
         FROM survey_responses WHERE organisation_id = $1 AND survey_id = $2 GROUP BY 1`,
      [organisationId, surveyId],
    );
    const shown = groups.filter((g) => g.responses >= minimum).map((g) => g.grp);
    const comments: { text: string; submitted_at: Date; grp: string }[] = await this.db.query(
      `SELECT comment AS text, submitted_at, coalesce(wave_id::text, 'open') AS grp
         FROM survey_responses
        WHERE organisation_id = $1 AND survey_id = $2 AND comment IS NOT NULL AND comment <> ''
          AND coalesce(wave_id::text, 'open') = ANY($3::text[])
        ORDER BY submitted_at DESC, id LIMIT $4`,
      [organisationId, surveyId, shown, limit],
    );
    return {
      minimum,
      comments: comments.map((c) => ({
        text: c.text,
        submittedAt: c.submitted_at.toISOString(),
        group: c.grp,
      })),
      withheld: groups
        .filter((g) => g.responses < minimum)
        .map((g) => ({ group: g.grp, responses: g.responses })),
    };
  }

  private async rows(organisationId: string, by: { surveyId?: string; waveId?: string }): Promise<WaveRow[]> {
    const waves: WaveRow[] = await this.db.query(
      `SELECT w.id, w.survey_id, w.kind, w.opens_at, w.closes_at, w.closed_at, w.reminder_sent_at,
              w.contacts_deleted_at, w.skipped, w.you_said_nl, w.you_said_en
         FROM survey_waves w
        WHERE w.organisation_id = $1 AND ($2::uuid IS NULL OR w.survey_id = $2) AND ($3::uuid IS NULL OR w.id = $3)
        ORDER BY w.opens_at DESC`,
      [organisationId, by.surveyId ?? null, by.waveId ?? null],
    );
    const facts = await readInvitationFacts(
      this.db.manager,
      organisationId,
      waves.map((w) => w.id),
    );
    return waves.map((w) => ({ ...w, funnel: waveFunnel(facts.get(w.id) ?? []) }));
  }
}

const toWave = (row: WaveRow): Wave => ({
  id: row.id,
  surveyId: row.survey_id,
  kind: row.kind,
  opensAt: row.opens_at.toISOString(),
  closesAt: row.closes_at.toISOString(),
  closedAt: row.closed_at?.toISOString() ?? null,
  reminderSentAt: row.reminder_sent_at?.toISOString() ?? null,
  contactsDeletedAt: row.contacts_deleted_at?.toISOString() ?? null,
  ...row.funnel,
  skipped: row.skipped,
  responseRate: row.funnel.invited ? row.funnel.answered / row.funnel.invited : null,
  youSaidNl: row.you_said_nl,
  youSaidEn: row.you_said_en,
});
