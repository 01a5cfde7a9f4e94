// Only the stylesheets of the Mantine components the public pages use (not Mantine's whole sheet),
// in Mantine's documented order: the base first, then the components others build on.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/VisuallyHidden.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/ActionIcon.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Divider.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import '../styles.css';
import '../i18n/public';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { PublicFrame } from '../components/public-frame';
import { EmptyState } from '../components/states';
import { createQueryClient } from '../app/query-client';
import { cssVariables, theme } from '../app/theme';

/** A path none of these pages has (the server sends this page only for theirs). */
function NotFound() {
  const { t } = useTranslation();
  return (
    <PublicFrame title={t('common.notFound')} brand={t('app.name')}>
      <EmptyState>{t('common.notFound')}</EmptyState>
    </PublicFrame>
  );
}

/**
 * A light entry for the pages opened from outside on a phone (issue 13): the customer's answer page,
 * the self-assessment form and sign-in. Each has an HTML page and entry of its own (answer.html,
 * self-assessment.html, login.html) that bundles only that page, its Mantine components' CSS and the
 * public texts, built with the light router and query of ./light (see vite.config.mts); every link
 * away is a full page load, so the dashboard (index.html, main.tsx) loads only when one goes there.
 */
export function renderPublicPage(routes: ReactNode): void {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <QueryClientProvider client={createQueryClient()}>
          <BrowserRouter>
            {/* While a stored English dictionary is still loading (see i18n). */}
            <Suspense fallback={null}>
              <Routes>
                {routes}
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
