import { Button, Checkbox, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Appraisal, AppraisalAgreement } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { formatDate, formatDateTime } from '../../components/format';
import { ErrorState, SuccessNote } from '../../components/states';
import { useReopen, useRelease, useSaveConversation, useSign } from './appraisals-api';

import { MutationError } from './appraisal-shared';

/* After both reviews: the conversation with agreements, both signatures, and HR's release and reopen. */

/** Meeting date, shared notes and agreements per value; editable by both until the first signature. */
export function Conversation({ a, onReload }: { a: Appraisal; onReload: () => void }) {
  const { t } = useTranslation();
  const editable = a.stage === 'conversation' && !a.employeeSignedAt && !a.reviewerSignedAt;
  const form = useForm({
    initialValues: { meetingDate: a.meetingDate ?? '', sharedNotes: a.sharedNotes, agreements: a.agreements },
  });
  const save = useSaveConversation(a.id);
  // As the api names them: an agreement's (`agreements[1].what`) show at its own fields.
  const submit = form.onSubmit(({ meetingDate, sharedNotes, agreements }) =>
    save.mutate(
      {
        version: a.version,
        meetingDate: meetingDate || null,
        sharedNotes,
        ...(a.agreementsSection ? { agreements } : {}),
      },
      { onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()) },
    ),
  );
  const valueOptions = [
    { value: '', label: t('appraisals.general') },
    ...a.values.map((v) => ({ value: v.id, label: v.name })),
  ];
  const setAgreements = (change: (old: AppraisalAgreement[]) => AppraisalAgreement[]) =>
    form.setFieldValue('agreements', change);
  const set = (i: number, patch: Partial<AppraisalAgreement>) =>
    setAgreements((old) => old.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  if (!editable)
    return (
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('appraisals.conversation')}
          </Title>
          {a.stage !== 'conversation' && a.stage !== 'signed' && a.stage !== 'closed' ? (
            <Text size="sm">{t('appraisals.conversationLocked')}</Text>
          ) : (
            <>
              <Text size="sm">
                {t('appraisals.meetingDate')}: {a.meetingDate ? formatDate(a.meetingDate) : '–'}
              </Text>
              {a.sharedNotes && <Text size="sm">{a.sharedNotes}</Text>}
              {a.agreements.map((g, i) => (
                <Text size="sm" key={i}>
                  <strong>{a.values.find((v) => v.id === g.valueId)?.name ?? t('appraisals.general')}</strong>
                  : {g.what}
                  {g.support ? ` (${t('appraisals.support')}: ${g.support})` : ''}
                  {g.dueDate ? ` · ${t('appraisals.byWhen')} ${formatDate(g.dueDate)}` : ''}
                </Text>
              ))}
            </>
          )}
        </Stack>
      </Paper>
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('appraisals.conversation')}
        </Title>
        <TextInput type="date" label={t('appraisals.meetingDate')} {...form.getInputProps('meetingDate')} />
        <Textarea
          label={t('appraisals.notes')}
          autosize
          minRows={3}
          maxLength={10000}
          {...form.getInputProps('sharedNotes')}
        />
        {a.agreementsSection && (
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('appraisals.agreements')}
            </Title>
            {form.values.agreements.map((g, i) => (
              <Paper key={i} withBorder p="sm">
                <Stack gap="xs">
                  <Select
                    label={t('appraisals.agreementValue')}
                    data={valueOptions}
                    value={g.valueId ?? ''}
                    onChange={(v) => set(i, { valueId: v || null })}
                    allowDeselect={false}
                  />
                  <TextInput
                    label={t('appraisals.what')}
                    value={g.what}
                    required
                    onChange={(e) => set(i, { what: e.currentTarget.value })}
                    error={form.errors[`agreements[${i}].what`]}
                  />
                  <TextInput
                    label={t('appraisals.support')}
                    value={g.support}
                    onChange={(e) => set(i, { support: e.currentTarget.value })}
                  />
                  <TextInput
                    type="date"
                    label={t('appraisals.byWhen')}
                    value={g.dueDate ?? ''}
                    onChange={(e) => set(i, { dueDate: e.currentTarget.value || null })}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    style={{ alignSelf: 'flex-start' }}
                    onClick={() => setAgreements((old) => old.filter((_, j) => j !== i))}
                  >
                    {t('appraisals.removeAgreement', { n: i + 1 })}
                  </Button>
                </Stack>
              </Paper>
            ))}
            <Button
              variant="default"
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                setAgreements((old) => [...old, { valueId: null, what: '', support: '', dueDate: null }])
              }
            >
              {t('appraisals.addAgreement')}
            </Button>
          </Stack>
        )}
        {save.isError && <MutationError error={save.error} onReload={onReload} />}
        {save.isSuccess && <SuccessNote>{t('appraisals.saved')}</SuccessNote>}
        <Button
          size="md"
          style={{ alignSelf: 'flex-start' }}
          loading={save.isPending}
          onClick={() => submit()}
        >
          {t('appraisals.save')}
        </Button>
      </Stack>
    </Paper>
  );
}

export function Signing({ a }: { a: Appraisal }) {
  const { t } = useTranslation();
  const sign = useSign(a.id);
  const form = useForm({ initialValues: { remark: '', disagree: false } });
  const mine = a.viewerRole === 'employee' ? a.employeeSignedAt : a.reviewerSignedAt;
  const canSign = a.stage === 'conversation' && a.meetingDate && !mine && a.viewerRole !== 'hr';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('appraisals.sign')}
        </Title>
        <Text size="sm">
          {t('appraisals.signedBy', {
            employee: a.employeeSignedAt ? formatDateTime(a.employeeSignedAt) : t('appraisals.notYet'),
            reviewer: a.reviewerSignedAt ? formatDateTime(a.reviewerSignedAt) : t('appraisals.notYet'),
          })}
        </Text>
        {a.employeeRemark && <Text size="sm">{a.employeeRemark}</Text>}
        {canSign && (
          <>
            <Text size="sm" c="dimmed">
              {t('appraisals.signIntro')}
            </Text>
            {a.viewerRole === 'employee' && (
              <>
                <Textarea
                  label={t('appraisals.remark')}
                  autosize
                  minRows={2}
                  maxLength={2000}
                  {...form.getInputProps('remark')}
                />
                <Checkbox
                  label={t('appraisals.disagree')}
                  {...form.getInputProps('disagree', { type: 'checkbox' })}
                />
              </>
            )}
            {sign.isError && <ErrorState error={sign.error} />}
            <Button
              size="md"
              style={{ alignSelf: 'flex-start' }}
              loading={sign.isPending}
              onClick={() => sign.mutate(a.viewerRole === 'employee' ? form.getValues() : {})}
            >
              {t('appraisals.sign')}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** HR on one appraisal: release the manager's review early, reopen a signed one with a reason. */
export function HrActions({ a }: { a: Appraisal }) {
  const { t } = useTranslation();
  const release = useRelease(a.id);
  const reopen = useReopen(a.id);
  const [reason, setReason] = useState('');
  const canRelease = a.managerSubmitted && !a.selfSubmitted && !a.released && a.stage !== 'closed';
  if (!canRelease && a.stage !== 'signed') return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="hr-actions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="hr-actions-title">
          {t('appraisals.hr.title')}
        </Title>
        {canRelease && (
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('appraisals.hr.releaseIntro')}</Text>
            <Button variant="default" loading={release.isPending} onClick={() => release.mutate(undefined)}>
              {t('appraisals.hr.release')}
            </Button>
            {release.isError && <ErrorState error={release.error} />}
          </Stack>
        )}
        {a.stage === 'signed' && (
          <Stack gap="xs" align="flex-start">
            <Textarea
              label={t('appraisals.hr.reason')}
              description={t('appraisals.hr.reopenIntro')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              w="100%"
            />
            <Button
              variant="default"
              color="red"
              disabled={!reason.trim()}
              loading={reopen.isPending}
              onClick={() => reopen.mutate(reason.trim(), { onSuccess: () => setReason('') })}
            >
              {t('appraisals.hr.reopen')}
            </Button>
            {reopen.isError && <ErrorState error={reopen.error} />}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
