import { Injectable } from '@nestjs/common';
import { effectiveMinimum, waveFunnel, type WaveFunnelCounts } from '@wk/domain';
import type { SurveyComments, Wave } from '@wk/contracts';
import { notFound } from '../common/domain-error';
import { CommentsRepository } from './comments/comments.repository';
import { WaveInvitationsRepository } from './waves/wave-invitations.repository';
import { type WaveRow, WavesRepository } from './waves/waves.repository';

type WaveWithFunnel = WaveRow & { funnel: WaveFunnelCounts };

const LATEST_COMMENTS = 50;

/** HR's view of a survey: the funnel per wave and the latest comments (only from large enough groups). */
@Injectable()
export class SurveyReportService {
  constructor(
    private readonly waveRows: WavesRepository,
    private readonly invitations: WaveInvitationsRepository,
    private readonly commentRows: CommentsRepository,
  ) {}

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
    const minimum = effectiveMinimum((await this.commentRows.settings(organisationId))?.comment_minimum);
    const groups = await this.commentRows.groups(organisationId, surveyId);
    const shown = groups.filter((g) => g.responses >= minimum).map((g) => g.grp);
    const comments = await this.commentRows.latest(organisationId, surveyId, shown, limit);
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

  private async rows(
    organisationId: string,
    by: { surveyId?: string; waveId?: string },
  ): Promise<WaveWithFunnel[]> {
    const waves = await this.waveRows.list(organisationId, by);
    const facts = await this.invitations.facts(
      organisationId,
      waves.map((w) => w.id),
    );
    return waves.map((w) => ({ ...w, funnel: waveFunnel(facts.get(w.id) ?? []) }));
  }
}

const toWave = (row: WaveWithFunnel): Wave => ({
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
