/** The appraisal pages, loaded together on first visit. */
export { AppraisalsPage } from './appraisals-page';
export { AppraisalPage } from './appraisal-page';
export { AppraisalCyclesPage } from './appraisal-cycles-page';
