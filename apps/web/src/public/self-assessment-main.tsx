import { Route } from 'react-router';
import { SelfAssessmentPage } from '../features/self-assessment/self-assessment-page';
import { addPageTexts } from '../i18n/public';
import { selfAssessmentFormNl } from '../i18n/nl-self-assessment';
import { renderPublicPage } from './public-app';

// The employee's self-assessment from the personal link in the invitation mail.
addPageTexts(selfAssessmentFormNl);
renderPublicPage(<Route path="/self-assessment/:token" element={<SelfAssessmentPage />} />);
