import { Alert, PasswordInput, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/**
 * The sign-in fields an organisation's sign-in and the operator's door share: the failure (wrong
 * password, locked, …) above, then e-mail and password with the browser's autofill hints.
 */
export function CredentialsFields({
  message,
  email,
  password,
}: {
  message: string | null;
  email: GetInputPropsReturnType;
  password: GetInputPropsReturnType;
}) {
  const { t } = useTranslation();
  return (
    <>
      {message && (
        <Alert color="red" role="alert" variant="light">
          {message}
        </Alert>
      )}
      <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...email} />
      <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...password} />
    </>
  );
}
