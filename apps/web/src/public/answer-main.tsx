import { Route } from 'react-router';
import { RecognitionPage } from '../features/recognition/recognition-page';
import { addPageTexts } from '../i18n/public';
import { recognitionNl } from '../i18n/nl-recognition';
import { renderPublicPage } from './public-app';

// The customer's answer page: a mailed link (/r/:token) or the open link / QR code (/q/:code).
addPageTexts({ recognition: recognitionNl });
renderPublicPage(
  <>
    <Route path="/r/:token" element={<RecognitionPage kind="token" />} />
    <Route path="/q/:code" element={<RecognitionPage kind="open" />} />
  </>,
);
