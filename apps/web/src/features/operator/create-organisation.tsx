import { Alert, Button, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOrganisationRequest, OrganisationUsage } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showApiErrorsIn, useFormRules } from '../../components/api-form';
import { saveErrors } from '../../components/form-dialog';
import { LocaleSelect } from '../../components/locale-select';
import { useErrorMessage } from '../../components/states';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { ORGANISATIONS_KEY } from './operator-keys';

/** A new organisation with, optionally, its first admin (who gets an invitation). */
export function CreateOrganisation({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const empty = {
    name: '',
    slug: '',
    locale: 'nl',
    timeZone: 'Europe/Amsterdam',
    adminName: '',
    adminEmail: '',
  };
  const rules = useFormRules();
  const form = useForm({ initialValues: empty, validate: { name: rules.required } });
  const create = useMutation({
    mutationFn: (values: typeof empty) =>
      api<OrganisationUsage>('/operator/organisations', {
        method: 'POST',
        body: {
          name: values.name.trim(),
          ...(values.slug.trim() ? { slug: values.slug.trim() } : {}),
          locale: values.locale as Locale,
          timeZone: values.timeZone,
          ...(values.adminEmail.trim()
            ? { admin: { name: values.adminName.trim(), email: values.adminEmail.trim() } }
            : {}),
        } satisfies CreateOrganisationRequest,
      }),
    onSuccess: async (created) => {
      form.reset();
      onCreated(created.name);
      await client.invalidateQueries({ queryKey: ORGANISATIONS_KEY });
    },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(values, {
      onError: showApiErrorsIn(form, { 'admin.name': 'adminName', 'admin.email': 'adminEmail' }),
    }),
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-organisation">
      <Stack gap="sm">
        <Title order={3} size="h4" id="create-organisation">
          {t('platform.organisations.create')}
        </Title>
        {saveErrors(create).other && (
          <Alert color="red" role="alert" variant="light">
            {errorMessage(create.error)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('platform.organisations.name')} required {...form.getInputProps('name')} />
          <TextInput
            label={t('platform.organisations.slug')}
            description={t('platform.organisations.slugHint')}
            {...form.getInputProps('slug')}
          />
          <LocaleSelect
            label={t('platform.setup.locale')}
            {...form.getInputProps('locale')}
            value={form.values.locale as Locale}
            onChange={(v) => v && form.setFieldValue('locale', v)}
          />
          <TimeZoneSelect
            label={t('platform.setup.timeZone')}
            {...form.getInputProps('timeZone')}
            value={form.values.timeZone}
          />
          <TextInput label={t('platform.organisations.adminName')} {...form.getInputProps('adminName')} />
          <TextInput
            label={t('platform.organisations.adminEmail')}
            description={t('platform.organisations.adminHint')}
            type="email"
            {...form.getInputProps('adminEmail')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('platform.organisations.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
