import type { Locale } from '@wk/domain';
import { mailHtml, mailTexts } from './mail-rendering';

/** Mail texts in NL (default) and EN, rendered by i18next (mail-rendering.ts). */
const resources = {
  nl: {
    mail: {
      greeting: 'Beste {{name}},',
      signature: 'Met vriendelijke groet,\n{{organisation}}',
      invite: {
        subject: 'Uitnodiging voor Waardenkompas van {{organisation}}',
        body: '{{organisation}} nodigt je uit voor Waardenkompas, waar je zelf beoordeelt hoe je onze waarden in je werk laat zien.\n\nKies je wachtwoord via deze link (geldig tot {{expires}}):\n{{link}}',
        action: 'Wachtwoord kiezen',
      },
      reset: {
        subject: 'Je wachtwoord voor Waardenkompas opnieuw instellen',
        body: 'Iemand heeft gevraagd je wachtwoord opnieuw in te stellen. Was jij dat niet, dan kun je deze e-mail negeren.\n\nKies een nieuw wachtwoord via deze link (geldig tot {{expires}}):\n{{link}}',
        action: 'Nieuw wachtwoord kiezen',
      },
      assessmentInvite: {
        subject: '{{cycle}}: hoe laat jij onze waarden zien?',
        body: 'Er staat een korte zelfbeoordeling voor je klaar: per waarde beoordeel je een paar gedragingen op vier niveaus. Het kost een paar minuten.\n\nOpen je formulier via deze persoonlijke link (open tot {{expires}}):\n{{link}}',
        action: 'Zelfbeoordeling openen',
      },
      assessmentReminder: {
        subject: 'Herinnering: {{cycle}}',
        body: 'Je zelfbeoordeling is nog niet af. Je kunt verdergaan waar je was gebleven.\n\nOpen je formulier via deze persoonlijke link (open tot {{expires}}):\n{{link}}',
        action: 'Verdergaan',
      },
      emailChange: {
        subject: 'Bevestig je nieuwe e-mailadres voor Waardenkompas',
        body: 'Voor je account bij {{organisation}} is gevraagd dit adres te gebruiken. Je account houdt het oude adres tot je bevestigt. Was jij dit niet, negeer deze e-mail dan.\n\nBevestig via deze link (geldig tot {{expires}}):\n{{link}}',
        action: 'E-mailadres bevestigen',
      },
      emailChangeNotice: {
        subject: 'Je e-mailadres voor Waardenkompas wordt gewijzigd',
        body: 'Voor je account bij {{organisation}} is gevraagd het e-mailadres te wijzigen in {{newEmail}}. Het nieuwe adres moet dat eerst bevestigen; tot dan verandert er niets.\n\nHeb je hier niet om gevraagd? Neem dan contact op met de beheerder van {{organisation}}.',
      },
      appraisalInvite: {
        subject: '{{cycle}}: je beoordelings- en ontwikkelgesprek',
        body: 'Je beoordelings- en ontwikkelgesprek van {{cycle}} staat klaar. Je begint met je zelfbeoordeling: per waarde beoordeel je de gedragingen op vier niveaus, met een toelichting als je wilt. Je leidinggevende ziet die pas als jullie allebei klaar zijn.\n\nVul je zelfbeoordeling in vóór {{expires}}:\n{{link}}',
        action: 'Gesprek openen',
      },
      appraisalReminder: {
        subject: 'Herinnering: {{cycle}}',
        body: 'In {{cycle}} staat nog iets voor je open: {{task}}. Dat moet af vóór {{expires}}.\n\n{{link}}',
        action: 'Gesprek openen',
      },
      appraisalTask: {
        self_review: 'je zelfbeoordeling',
        manager_review: 'de beoordeling als leidinggevende',
        conversation: 'het gesprek plannen en vastleggen',
        sign_off: 'het gesprek ondertekenen',
      },
      formalGreeting: 'Geachte heer, mevrouw,',
      surveyInvite: {
        subject: '{{organisation}} hoort graag hoe u ons ervaart',
        body: '{{survey}}\n\nWij willen graag weten in hoeverre u onze waarden herkent in onze dienstverlening. Het kost u minder dan een minuut en uw antwoorden zijn anoniem.\n\nBeantwoord de vragen via deze link (open tot {{expires}}):\n{{link}}',
        action: 'Vragen beantwoorden',
      },
      surveyReminder: {
        subject: 'Herinnering: {{organisation}} hoort graag hoe u ons ervaart',
        body: 'Enige tijd geleden vroegen wij u naar uw ervaring met {{organisation}}. Heeft u een minuut? Uw antwoorden zijn anoniem.\n\nBeantwoord de vragen via deze link (open tot {{expires}}):\n{{link}}',
        action: 'Vragen beantwoorden',
      },
    },
  },
  en: {
    mail: {
      greeting: 'Dear {{name}},',
      signature: 'Kind regards,\n{{organisation}}',
      invite: {
        subject: 'Your invitation to Waardenkompas from {{organisation}}',
        body: '{{organisation}} invites you to Waardenkompas, where you assess how you bring our values to life in your work.\n\nChoose your password with this link (valid until {{expires}}):\n{{link}}',
        action: 'Choose password',
      },
      reset: {
        subject: 'Reset your Waardenkompas password',
        body: 'Someone asked to reset your password. If that was not you, you can ignore this e-mail.\n\nChoose a new password with this link (valid until {{expires}}):\n{{link}}',
        action: 'Choose new password',
      },
      assessmentInvite: {
        subject: '{{cycle}}: how do you bring our values to life?',
        body: 'A short self-assessment is waiting for you: per value you rate a few behaviours on four levels. It takes a few minutes.\n\nOpen your form with this personal link (open until {{expires}}):\n{{link}}',
        action: 'Open self-assessment',
      },
      assessmentReminder: {
        subject: 'Reminder: {{cycle}}',
        body: 'Your self-assessment is not finished yet. You can continue where you left off.\n\nOpen your form with this personal link (open until {{expires}}):\n{{link}}',
        action: 'Continue',
      },
      emailChange: {
        subject: 'Confirm your new e-mail address for Waardenkompas',
        body: 'Someone asked to use this address for your account at {{organisation}}. Your account keeps its old address until you confirm. If that was not you, ignore this e-mail.\n\nConfirm with this link (valid until {{expires}}):\n{{link}}',
        action: 'Confirm e-mail address',
      },
      emailChangeNotice: {
        subject: 'Your Waardenkompas e-mail address is being changed',
        body: 'Someone asked to change the e-mail address of your account at {{organisation}} to {{newEmail}}. The new address has to confirm first; until then nothing changes.\n\nDid you not ask for this? Contact the administrator of {{organisation}}.',
      },
      appraisalInvite: {
        subject: '{{cycle}}: your appraisal conversation',
        body: 'Your appraisal of {{cycle}} is ready. You start with your self-assessment: per value you rate the behaviours on four levels, with a comment if you like. Your manager only sees it once you have both finished.\n\nComplete your self-assessment before {{expires}}:\n{{link}}',
        action: 'Open appraisal',
      },
      appraisalReminder: {
        subject: 'Reminder: {{cycle}}',
        body: 'Something in {{cycle}} is still waiting for you: {{task}}. It is due before {{expires}}.\n\n{{link}}',
        action: 'Open appraisal',
      },
      appraisalTask: {
        self_review: 'your self-assessment',
        manager_review: 'your review as manager',
        conversation: 'planning and recording the conversation',
        sign_off: 'signing the appraisal',
      },
      formalGreeting: 'Dear Sir or Madam,',
      surveyInvite: {
        subject: '{{organisation}} would like to hear how you experience us',
        body: '{{survey}}\n\nWe would like to know how strongly you recognise our values in our service. It takes you less than a minute and your answers are anonymous.\n\nAnswer the questions with this link (open until {{expires}}):\n{{link}}',
        action: 'Answer the questions',
      },
      surveyReminder: {
        subject: 'Reminder: {{organisation}} would like to hear how you experience us',
        body: 'A while ago we asked about your experience with {{organisation}}. Do you have a minute? Your answers are anonymous.\n\nAnswer the questions with this link (open until {{expires}}):\n{{link}}',
        action: 'Answer the questions',
      },
    },
  },
};

const textsIn = mailTexts(resources);

export type LinkMailKind =
  | 'invite'
  | 'reset'
  | 'emailChange'
  | 'assessmentInvite'
  | 'assessmentReminder'
  | 'surveyInvite'
  | 'surveyReminder'
  | 'appraisalInvite'
  | 'appraisalReminder';

/** Mails that only tell, with no link to follow. */
export type NoticeMailKind = 'emailChangeNotice';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** An invitation or reset mail with one action link. */
export function renderLinkMail(
  kind: LinkMailKind,
  locale: Locale,
  vars: {
    /** Empty for customers, who are greeted formally. */
    name: string;
    organisation: string;
    link: string;
    expiresAt: Date;
    timeZone: string;
    cycle?: string;
    survey?: string;
    /** The appraisal stage a reminder is about (its text is looked up here). */
    task?: 'self_review' | 'manager_review' | 'conversation' | 'sign_off';
    /** A deadline day: show the date without a time. */
    dateOnly?: boolean;
  },
): RenderedMail {
  const t = textsIn(locale);
  const expires = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: vars.dateOnly ? undefined : 'short',
    timeZone: vars.timeZone,
  }).format(vars.expiresAt);
  const values = { ...vars, expires, task: vars.task ? t(`appraisalTask.${vars.task}`) : undefined };
  const greeting = vars.name ? t('greeting', values) : t('formalGreeting');
  const paragraphs = [greeting, t(`${kind}.body`, values), t('signature', values)];
  return {
    subject: t(`${kind}.subject`, values),
    text: paragraphs.join('\n\n'),
    html: mailHtml(paragraphs, { url: vars.link, label: t(`${kind}.action`) }),
  };
}

/** A notice without a link (e.g. to the old address when an account's e-mail is being changed). */
export function renderNoticeMail(
  kind: NoticeMailKind,
  locale: Locale,
  vars: { name: string; organisation: string; newEmail: string },
): RenderedMail {
  const t = textsIn(locale);
  const paragraphs = [t('greeting', vars), t(`${kind}.body`, vars), t('signature', vars)];
  return { subject: t(`${kind}.subject`, vars), text: paragraphs.join('\n\n'), html: mailHtml(paragraphs) };
}
