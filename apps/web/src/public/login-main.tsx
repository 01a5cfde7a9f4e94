import { Route } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { addPageTexts } from '../i18n/public';
import { signInNl } from '../i18n/nl-sign-in';
import { renderPublicPage } from './public-app';

// Sign-in; once signed in (or sent to setup, or "forgot password") the browser loads the dashboard.
addPageTexts(signInNl);
renderPublicPage(<Route path="/login" element={<LoginPage />} />);
