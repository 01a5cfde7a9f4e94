import { localized } from '@wk/domain';
import type { Locale } from '@wk/domain';
import { renderLinkMail } from '../../notifications/mail-templates';
import type { MailToSend } from '../../notifications/mail.service';
import type { SurveyLinks } from '../survey-links';

/** A survey with what its mails need. */
export interface SendingSurvey {
  id: string;
  organisation_id: string;
  name: string;
  status: string;
  closes_at: Date | null;
  window_days: number;
  reminder_after_days: number;
  title_nl: string;
  title_en: string;
  segment_id: string | null;
  team_id: string | null;
  journey_id: string | null;
  touchpoint_id: string | null;
  time_zone: string;
  organisation_name: string;
  organisation_locale: Locale;
}

export interface WaveTimes {
  id: string;
  organisation_id: string;
  opens_at: Date;
  closes_at: Date;
}

/** Someone to invite: a pending contact of the pool (contactId) or a new one from the API. */
export interface Invitee {
  contactId?: string;
  email: string;
  locale: Locale | null;
  segmentId: string | null;
  teamId: string | null;
  /** The contact's own journey and touchpoint (a CRM export): they take precedence over the survey's. */
  journeyId?: string | null;
  touchpointId?: string | null;
}

/** An invitation whose mail goes out: its id, address and language. */
export interface MailedInvitation {
  invitationId: string;
  email: string;
  locale: Locale;
}

export const surveyDedupKeys = {
  invite: (invitationId: string) => `survey-invite:${invitationId}`,
  reminder: (invitationId: string) => `survey-reminder:${invitationId}`,
};

/** Whether a survey may still send: active and not past its closing date. */
export const isOpen = (survey: Pick<SendingSurvey, 'status' | 'closes_at'>, now = new Date()) =>
  survey.status === 'active' && (!survey.closes_at || survey.closes_at > now);

/**
 * An invitation's journey and touchpoint. The contact's touchpoint wins (its journey comes with it);
 * a contact's journey alone keeps the survey's touchpoint only when that lies in the same journey.
 * A null journey means the survey's (filled in when the answer is stored).
 */
export function contextOf(
  survey: Pick<SendingSurvey, 'journey_id' | 'touchpoint_id'>,
  invitee: Pick<Invitee, 'journeyId' | 'touchpointId'>,
): { journeyId: string | null; touchpointId: string | null } {
  if (invitee.touchpointId)
    return { journeyId: invitee.journeyId ?? null, touchpointId: invitee.touchpointId };
  if (invitee.journeyId && invitee.journeyId !== survey.journey_id)
    return { journeyId: invitee.journeyId, touchpointId: null };
  return { journeyId: invitee.journeyId ?? null, touchpointId: survey.touchpoint_id };
}

/** The invitation or reminder mail of one invitation (the reminder repeats the same link). */
export function surveyMail(
  links: SurveyLinks,
  survey: SendingSurvey,
  wave: WaveTimes,
  invitation: MailedInvitation,
  kind: 'surveyInvite' | 'surveyReminder',
): MailToSend {
  const { invitationId, email, locale } = invitation;
  const title = localized(survey.title_nl, survey.title_en, locale) || survey.organisation_name;
  const rendered = renderLinkMail(kind, locale, {
    name: '',
    organisation: survey.organisation_name,
    survey: title,
    link: links.invitationLink(invitationId, locale),
    expiresAt: wave.closes_at,
    timeZone: survey.time_zone,
  });
  return {
    organisationId: survey.organisation_id,
    kind: kind === 'surveyInvite' ? 'survey-invite' : 'survey-reminder',
    dedupKey:
      kind === 'surveyInvite' ? surveyDedupKeys.invite(invitationId) : surveyDedupKeys.reminder(invitationId),
    waveId: wave.id,
    to: email,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
  };
}
