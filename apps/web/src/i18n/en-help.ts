import type { helpNl } from './nl-help';

/** English texts of the help page on anonymity; part of `en.ts`. */
export const helpEn: typeof helpNl = {
  anonymity: {
    title: 'How we protect anonymity',
    intro:
      'Waardenkompas shows how groups score, never what one person answered. These rules hold for every dashboard, export and integration, for every role.',
    employeesTitle: "Employees' self-assessments",
    employees: [
      'An average or distribution appears only with at least {{minimum}} people with a rating (n/a does not count). Below that it says "too few responses".',
      'What is visible is the same for everyone: per value and period it is decided once which teams are shown, over the whole team tree. So nobody can work out a smaller group’s score by subtracting two numbers; sometimes a larger team is hidden for that too ("hidden to protect another group").',
      'Someone who answered several rounds in a month or quarter counts once (their own average first).',
      'A round’s numbers appear only once the round has closed, so nobody can see what changed after each answer. HR does see who has not answered yet: names, not answers.',
      'Per behaviour you see shares per level, not counts.',
      'Only you see your own answers. In an appraisal your manager sees them only if you choose so, and only there.',
    ],
    customersTitle: 'Customers',
    customers: [
      'A customer answer cannot be traced back to the e-mail address or the invitation: of the answer only the day is kept, of the invitation only whether it was answered.',
      'Contact details are deleted as soon as a wave closes (or after the organisation’s retention period).',
      'Customer comments can only be read and exported from groups with enough answers.',
    ],
    settings: 'The minimum is an organisation setting (now {{minimum}}, never below 3).',
  },
};
