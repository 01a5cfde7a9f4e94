import { Button, Checkbox, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS } from '@wk/contracts';
import type { WebhookEndpointWithSecret, WebhookEventType } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { showApiErrorsIn, useFormRules } from '../../components/api-form';
import { saveErrors } from '../../components/form-dialog';
import { ErrorState } from '../../components/states';
import { useCreateEndpoint } from './webhooks-api';

function EventChoice({
  value,
  onChange,
  error,
}: {
  value: WebhookEventType[];
  onChange: (value: WebhookEventType[]) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('webhooks.events')}
      description={t('webhooks.eventsHint')}
      required
      value={value}
      onChange={(v) => onChange(v as WebhookEventType[])}
      error={error}
    >
      <Stack gap={6} mt="xs">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <Checkbox
            key={type}
            value={type}
            label={
              <>
                <Code>{type}</Code> {t(`webhooks.eventNames.${type.replace('.', '_')}`)}
                {!WEBHOOK_EVENTS[type].available && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t('webhooks.reserved')})
                  </Text>
                )}
              </>
            }
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** A new endpoint: its URL, a description and the events it receives; the secret comes back once. */
export function NewEndpointForm({
  onSubmit,
  onCreated,
}: {
  onSubmit: () => void;
  onCreated: (created: WebhookEndpointWithSecret) => void;
}) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const create = useCreateEndpoint();
  const form = useForm({
    initialValues: { url: '', description: '', events: [] as WebhookEventType[] },
    validate: { url: rules.required, events: rules.someChosen },
  });
  const submit = form.onSubmit((values) => {
    onSubmit();
    create.mutate(
      { url: values.url.trim(), description: values.description.trim(), events: values.events },
      {
        onSuccess: (created) => {
          onCreated(created);
          form.reset();
        },
        onError: showApiErrorsIn(form),
      },
    );
  });

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="new-endpoint-title">
        <Stack>
          <Title order={2} size="h4" id="new-endpoint-title">
            {t('webhooks.new')}
          </Title>
          <TextInput
            label={t('webhooks.url')}
            description={t('webhooks.urlHint')}
            required
            type="url"
            maxLength={2000}
            {...form.getInputProps('url')}
          />
          <TextInput
            label={t('webhooks.description')}
            maxLength={200}
            {...form.getInputProps('description')}
          />
          <EventChoice {...form.getInputProps('events')} value={form.values.events} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('webhooks.create')}
            </Button>
          </Group>
          {saveErrors(create).other && <ErrorState error={create.error} />}
        </Stack>
      </form>
    </Paper>
  );
}
