import type { Locale } from '@wk/domain';
import { mailHtml, mailTexts } from '../notifications/mail-rendering';

/** The owner's reminder of an action, NL (default) and EN. */
const resources = {
  nl: {
    mail: {
      before: {
        subject: 'Herinnering: actie "{{what}}" is {{due}} af',
        body: 'Je bent eigenaar van de actie "{{what}}"{{value}}. Die staat gepland tot {{due}}.\n\nWerk de voortgang bij of zet de actie op afgerond onder Acties in Waardenkompas:\n{{link}}',
      },
      due: {
        subject: 'Actie "{{what}}" is vandaag of eerder afgelopen',
        body: 'De actie "{{what}}"{{value}}, waarvan je eigenaar bent, stond gepland tot {{due}} en is nog niet afgerond.\n\nWerk de voortgang bij, zet hem op afgerond of laat hem vallen onder Acties in Waardenkompas:\n{{link}}',
      },
      value: ' (waarde {{name}})',
      greeting: 'Beste {{name}},',
      signature: 'Met vriendelijke groet,\n{{organisation}}',
    },
  },
  en: {
    mail: {
      before: {
        subject: 'Reminder: action "{{what}}" is due {{due}}',
        body: 'You own the action "{{what}}"{{value}}. It is planned until {{due}}.\n\nUpdate its progress or mark it done under Actions in Waardenkompas:\n{{link}}',
      },
      due: {
        subject: 'Action "{{what}}" was due',
        body: 'The action "{{what}}"{{value}}, which you own, was planned until {{due}} and is not done yet.\n\nUpdate its progress, mark it done or drop it under Actions in Waardenkompas:\n{{link}}',
      },
      value: ' (value {{name}})',
      greeting: 'Dear {{name}},',
      signature: 'Kind regards,\n{{organisation}}',
    },
  },
};

const textsIn = mailTexts(resources);

export function renderActionReminder(
  stage: 'before' | 'due',
  locale: Locale,
  vars: {
    name: string;
    organisation: string;
    what: string;
    dueDate: string;
    valueName: string | null;
    link: string;
  },
): { subject: string; text: string; html: string } {
  const t = textsIn(locale);
  const due = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${vars.dueDate}T00:00:00Z`));
  const value = vars.valueName ? t('value', { name: vars.valueName }) : '';
  const values = { ...vars, due, value };
  const paragraphs = [t('greeting', values), t(`${stage}.body`, values), t('signature', values)];
  return {
    subject: t(`${stage}.subject`, values),
    text: paragraphs.join('\n\n'),
    html: mailHtml(paragraphs, { url: vars.link, label: vars.link }),
  };
}
