import { Alert, Button, Fieldset, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Organisation, UpdateOrganisationRequest } from '@wk/contracts';
import { ANONYMITY_FLOOR, SETTINGS_LIMITS } from '@wk/domain';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showApiErrorsIn, useFormRules } from '../../components/api-form';
import { saveErrors } from '../../components/form-dialog';
import { Page } from '../../components/page';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { QueryState, SuccessNote, useErrorMessage } from '../../components/states';
import { useCan } from '../auth/session';
import { SsoSettingsSection } from '../sso/sso-settings';
import { ScimSettingsSection } from '../scim/scim-settings';
import { LocaleSelect } from '../../components/locale-select';

const NUMBER_FIELDS = [
  'anonymityMinimum',
  'commentMinimum',
  'contactQuarantineDays',
  'contactRetentionDays',
  'reliabilityMinimum',
] as const;

function OrganisationForm({ organisation, writable }: { organisation: Organisation; writable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const rules = useFormRules();
  const save = useMutation({
    mutationFn: (body: UpdateOrganisationRequest) =>
      api<Organisation>('/organisation', { method: 'PATCH', body: { ...body } }),
    onSuccess: (saved) => {
      client.setQueryData(['organisation'], saved);
      void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
  // A change takes away the last save's note or error.
  const form = useForm({
    initialValues: organisation,
    validate: { name: rules.required },
    onValuesChange: () => save.reset(),
  });
  const submit = form.onSubmit(({ id: _id, slug: _slug, ...body }) => {
    const numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, Number(body[field])]));
    save.mutate({ ...body, ...numbers }, { onError: showApiErrorsIn(form) });
  });
  const hints: Partial<Record<(typeof NUMBER_FIELDS)[number], string>> = {
    anonymityMinimum: t('organisation.anonymityHint', { min: ANONYMITY_FLOOR }),
    contactQuarantineDays: t('organisation.contactQuarantineHint'),
    contactRetentionDays: t('organisation.contactRetentionHint'),
    reliabilityMinimum: t('guidance.reliabilityHint'),
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={560}>
        {!writable && (
          <Alert color="blue" variant="light">
            {t('organisation.readOnly')}
          </Alert>
        )}
        {save.isSuccess && <SuccessNote>{t('common.saved')}</SuccessNote>}
        {saveErrors(save).other && (
          <Alert color="red" role="alert" variant="light">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Fieldset legend={t('organisation.general')} disabled={!writable}>
          <Stack gap="sm">
            <TextInput label={t('organisation.name')} required {...form.getInputProps('name')} />
            <LocaleSelect
              label={t('organisation.locale')}
              {...form.getInputProps('locale')}
              value={form.values.locale}
              onChange={(v) => v && form.setFieldValue('locale', v)}
            />
            <TimeZoneSelect
              label={t('organisation.timeZone')}
              description={t('organisation.timeZoneHint')}
              {...form.getInputProps('timeZone')}
              value={form.values.timeZone}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('organisation.privacy')} disabled={!writable}>
          <Stack gap="sm">
            {NUMBER_FIELDS.map((field) => (
              <NumberInput
                key={field}
                label={t(`organisation.${field}`)}
                description={hints[field]}
                min={SETTINGS_LIMITS[field].min}
                max={SETTINGS_LIMITS[field].max}
                allowDecimal={false}
                clampBehavior="none"
                {...form.getInputProps(field)}
              />
            ))}
          </Stack>
        </Fieldset>
        {writable && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

export function OrganisationPage() {
  const { t } = useTranslation();
  const can = useCan();
  const organisation = useQuery({
    queryKey: ['organisation'],
    queryFn: ({ signal }) => api<Organisation>('/organisation', { signal }),
  });
  return (
    <Page title={t('organisation.title')}>
      <QueryState query={organisation}>
        {(data) => (
          <OrganisationForm key={data.id} organisation={data} writable={can('organisation.write')} />
        )}
      </QueryState>
      {can('sso.manage') && <SsoSettingsSection />}
      {can('scim.manage') && <ScimSettingsSection />}
    </Page>
  );
}
