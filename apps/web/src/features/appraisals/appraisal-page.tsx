import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  Table,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { APPRAISAL_LIMITS, FOLLOW_UP_STATUSES } from '@wk/contracts';
import type { Appraisal, AppraisalAgreement, AppraisalReview, FollowUpStatus } from '@wk/contracts';
import { SELF_LEVEL_LABELS, SELF_LEVELS } from '@wk/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatDateTime } from '../../components/format';
import { Page } from '../../components/page';
import { ErrorState, QueryState, SuccessNote } from '../../components/states';
import { useKpis } from '../insights/insights-api';
import { fromRadio, toRadio } from '../self-assessment/form-progress';
import { formatNumber, numberLocale } from '../../lib/number-format';
import {
  useAppraisal,
  useAppraisalContext,
  useReopen,
  useRelease,
  useSaveConversation,
  useSaveFollowUp,
  useSaveReview,
  useShareRounds,
  useSign,
} from './appraisals-api';

type Lang = 'nl' | 'en';

/** A save refused because another tab saved first: say so and offer a reload instead of the raw error. */
function MutationError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.body.code === 'stale_version')
    return (
      <Alert color="orange" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('appraisals.stale')}</Text>
          <Button size="xs" variant="white" onClick={onReload}>
            {t('appraisals.reload')}
          </Button>
        </Stack>
      </Alert>
    );
  return <ErrorState error={error} />;
}

function levelText(review: AppraisalReview | null, behaviourId: string, lang: Lang, na: string) {
  const r = review?.ratings.find((x) => x.behaviourId === behaviourId);
  return !r ? '–' : r.level === null ? na : SELF_LEVEL_LABELS[r.level][lang];
}

/** The review form of the employee (self) or the reviewer (manager): one block per value. */
function ReviewForm({
  a,
  author,
  onReload,
}: {
  a: Appraisal;
  author: 'self' | 'manager';
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const own = author === 'self' ? a.selfReview : a.managerReview;
  const [ratings, setRatings] = useState<Record<string, 1 | 2 | 3 | 4 | null>>(() =>
    Object.fromEntries((own?.ratings ?? []).map((r) => [r.behaviourId, r.level])),
  );
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries((own?.comments ?? []).map((c) => [c.valueId, c.text])),
  );
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries((own?.answers ?? []).map((c) => [c.questionId, c.text])),
  );
  const save = useSaveReview(a.id, author);
  const total = a.values.reduce((n, v) => n + v.behaviours.length, 0);
  const done = Object.keys(ratings).length;
  const send = (submit: boolean) =>
    save.mutate({
      version: a.version,
      submit,
      ratings: Object.entries(ratings).map(([behaviourId, level]) => ({ behaviourId, level })),
      comments: Object.entries(comments).map(([valueId, text]) => ({ valueId, text })),
      answers: Object.entries(answers).map(([questionId, text]) => ({ questionId, text })),
    });
  return (
    <Stack gap="lg">
      <Text size="sm" fw={600} role="status" aria-live="polite">
        {t('appraisals.progress', { done, total })}
      </Text>
      {a.values.map((value) => (
        <Paper key={value.id} withBorder p="md">
          <Stack gap="md">
            <div>
              <Title order={3} size="h5">
                {value.name}
              </Title>
              {value.description && (
                <Text size="sm" c="dimmed">
                  {value.description}
                </Text>
              )}
            </div>
            {value.behaviours.map((b) => (
              <Radio.Group
                key={b.id}
                label={b.text}
                value={toRadio(ratings[b.id])}
                onChange={(v) => setRatings((old) => ({ ...old, [b.id]: fromRadio(v) }))}
              >
                <Stack gap={8} mt={8}>
                  {SELF_LEVELS.map((level) => (
                    <Radio
                      key={level}
                      value={String(level)}
                      label={SELF_LEVEL_LABELS[level][lang]}
                      size="md"
                    />
                  ))}
                  <Radio value="na" label={t('appraisals.notApplicable')} size="md" />
                </Stack>
              </Radio.Group>
            ))}
            <Textarea
              label={t('appraisals.comment', { value: value.name })}
              autosize
              minRows={2}
              maxLength={2000}
              value={comments[value.id] ?? ''}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setComments((old) => ({ ...old, [value.id]: text }));
              }}
            />
          </Stack>
        </Paper>
      ))}
      {a.questions.length > 0 && (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Title order={3} size="h5">
              {t('appraisals.questions')}
            </Title>
            {a.questions.map((q) => (
              <Textarea
                key={q.id}
                label={q.text}
                autosize
                minRows={2}
                maxLength={4000}
                value={answers[q.id] ?? ''}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  setAnswers((old) => ({ ...old, [q.id]: text }));
                }}
              />
            ))}
          </Stack>
        </Paper>
      )}
      {save.isError && <MutationError error={save.error} onReload={onReload} />}
      {save.isSuccess && <SuccessNote>{t('appraisals.saved')}</SuccessNote>}
      <Text size="sm" c="dimmed">
        {t('appraisals.submitHint')}
      </Text>
      <Group>
        <Button variant="default" size="md" onClick={() => send(false)} loading={save.isPending}>
          {t('appraisals.save')}
        </Button>
        <Button size="md" onClick={() => send(true)} loading={save.isPending} disabled={done < total}>
          {t('appraisals.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A submitted (or visible) review, read-only. */
function ReviewView({ a, review, title }: { a: Appraisal; review: AppraisalReview; title: string }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {a.values.map((value) => (
          <div key={value.id}>
            <Text fw={600} size="sm">
              {value.name}
            </Text>
            {value.behaviours.map((b) => (
              <Text size="sm" key={b.id}>
                {b.text}: <strong>{levelText(review, b.id, lang, t('appraisals.notApplicable'))}</strong>
              </Text>
            ))}
            {review.comments
              .filter((c) => c.valueId === value.id)
              .map((c) => (
                <Text size="sm" c="dimmed" key={c.valueId}>
                  {c.text}
                </Text>
              ))}
          </div>
        ))}
        {a.questions.map((q) => {
          const answer = review.answers.find((x) => x.questionId === q.id)?.text;
          return answer ? (
            <Text size="sm" key={q.id}>
              <strong>{q.text}</strong> {answer}
            </Text>
          ) : null;
        })}
      </Stack>
    </Paper>
  );
}

/** The employee's consent: which own self-assessment rounds the reviewer may see, here only. */
function ShareRounds({ a, onReload }: { a: Appraisal; onReload: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(a.sharedRoundIds);
  const share = useShareRounds(a.id);
  const locked = Boolean(a.employeeSignedAt) || a.stage === 'signed' || a.stage === 'closed';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('appraisals.share')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('appraisals.shareIntro')}
        </Text>
        {a.shareableRounds.length === 0 ? (
          <Text size="sm">{t('appraisals.noRounds')}</Text>
        ) : (
          <Checkbox.Group value={chosen} onChange={setChosen} label={t('appraisals.share')}>
            <Stack gap={8} mt={8}>
              {a.shareableRounds.map((r) => (
                <Checkbox
                  key={r.roundId}
                  value={r.roundId}
                  disabled={locked}
                  size="md"
                  label={`${r.cycleName} · ${formatDate(r.openedAt)}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {share.isError && <MutationError error={share.error} onReload={onReload} />}
        {share.isSuccess && <SuccessNote>{t('appraisals.saved')}</SuccessNote>}
        {a.shareableRounds.length > 0 && !locked && (
          <Button
            variant="default"
            size="md"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => share.mutate(chosen)}
            loading={share.isPending}
          >
            {t('appraisals.shareSave')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** The reviewer's view of what the employee chose to share. */
function SharedAnswers({ a }: { a: Appraisal }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  if (!a.sharedSelfAssessments.length) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('appraisals.shared')}
        </Title>
        {a.sharedSelfAssessments.map((s) => (
          <div key={s.roundId}>
            <Text fw={600} size="sm">
              {t('appraisals.sharedRound', { date: formatDate(s.openedAt) })}
            </Text>
            {a.values.flatMap((v) =>
              v.behaviours.map((b) => {
                const found = s.answers.find((x) => x.behaviourId === b.id);
                if (!found) return null;
                return (
                  <Text size="sm" key={b.id}>
                    {b.text}:{' '}
                    <strong>
                      {found.level === null
                        ? t('appraisals.notApplicable')
                        : SELF_LEVEL_LABELS[found.level][lang]}
                    </strong>
                  </Text>
                );
              }),
            )}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

/** Meeting date, shared notes and agreements per value; editable by both until the first signature. */
function Conversation({ a, onReload }: { a: Appraisal; onReload: () => void }) {
  const { t } = useTranslation();
  const editable = a.stage === 'conversation' && !a.employeeSignedAt && !a.reviewerSignedAt;
  const [meetingDate, setMeetingDate] = useState(a.meetingDate ?? '');
  const [notes, setNotes] = useState(a.sharedNotes);
  const [agreements, setAgreements] = useState<AppraisalAgreement[]>(a.agreements);
  const save = useSaveConversation(a.id);
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const valueOptions = [
    { value: '', label: t('appraisals.general') },
    ...a.values.map((v) => ({ value: v.id, label: v.name })),
  ];
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
        <TextInput
          type="date"
          label={t('appraisals.meetingDate')}
          value={meetingDate}
          onChange={(e) => setMeetingDate(e.currentTarget.value)}
          error={fieldErrors['meetingDate']}
        />
        <Textarea
          label={t('appraisals.notes')}
          autosize
          minRows={3}
          maxLength={10000}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        {a.agreementsSection && (
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('appraisals.agreements')}
            </Title>
            {agreements.map((g, i) => (
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
                    error={fieldErrors[`agreements[${i}].what`]}
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
          onClick={() =>
            save.mutate({
              version: a.version,
              meetingDate: meetingDate || null,
              sharedNotes: notes,
              ...(a.agreementsSection ? { agreements } : {}),
            })
          }
        >
          {t('appraisals.save')}
        </Button>
      </Stack>
    </Paper>
  );
}

function Signing({ a }: { a: Appraisal }) {
  const { t } = useTranslation();
  const sign = useSign(a.id);
  const [remark, setRemark] = useState('');
  const [disagree, setDisagree] = useState(false);
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
                  value={remark}
                  onChange={(e) => setRemark(e.currentTarget.value)}
                />
                <Checkbox
                  label={t('appraisals.disagree')}
                  checked={disagree}
                  onChange={(e) => setDisagree(e.currentTarget.checked)}
                />
              </>
            )}
            {sign.isError && <ErrorState error={sign.error} />}
            <Button
              size="md"
              style={{ alignSelf: 'flex-start' }}
              loading={sign.isPending}
              onClick={() => sign.mutate(a.viewerRole === 'employee' ? { remark, disagree } : {})}
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
function HrActions({ a }: { a: Appraisal }) {
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

const mean = (review: AppraisalReview | null, behaviourIds: string[]) => {
  const levels = (review?.ratings ?? [])
    .filter((r) => behaviourIds.includes(r.behaviourId) && r.level !== null)
    .map((r) => r.level as number);
  return levels.length ? levels.reduce((x, y) => x + y, 0) / levels.length : null;
};

const monthLabel = (month: string, lang: string) =>
  new Intl.DateTimeFormat(numberLocale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );

/**
 * Per value, how customers recognised it in the journeys and touchpoints the employee's current
 * team served in the cycle's period (the api leaves out anything below the anonymity minimum).
 */
function TeamRecognition({ a }: { a: Appraisal }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = useAppraisalContext(a.id, lang === 'en' ? 'en' : 'nl');
  return (
    <Stack gap="xs" component="section" aria-labelledby={`recognition-${a.id}`}>
      <Title order={3} size="h5" id={`recognition-${a.id}`}>
        {t('appraisals.context.recognitionTitle')}
      </Title>
      <QueryState query={query}>
        {(c) =>
          !c.teamId ? (
            <Text size="sm">{t('appraisals.context.noTeam')}</Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('appraisals.context.recognitionIntro', {
                  team: c.teamName,
                  from: monthLabel(c.from, lang),
                  to: monthLabel(c.to, lang),
                  min: c.minimum,
                })}
              </Text>
              {a.values.map((v) => {
                const cell = c.values.find((x) => x.valueId === v.id);
                const rows = [
                  ...(cell?.journeys ?? []).map((j) => ({ ...j, label: j.name })),
                  ...(cell?.touchpoints ?? []).map((p) => ({ ...p, label: `${p.journeyName} · ${p.name}` })),
                ];
                return (
                  <Stack gap={4} key={v.id}>
                    <Text size="sm" fw={700}>
                      {v.name}
                    </Text>
                    {rows.length ? (
                      <Table.ScrollContainer minWidth={300}>
                        <Table>
                          <Table.Caption>
                            {t('appraisals.context.recognitionOf', { value: v.name })}
                          </Table.Caption>
                          <Table.Thead>
                            <Table.Tr>
                              <Table.Th>{t('appraisals.context.journeyOrTouchpoint')}</Table.Th>
                              <Table.Th>{t('appraisals.context.grade')}</Table.Th>
                              <Table.Th>n</Table.Th>
                            </Table.Tr>
                          </Table.Thead>
                          <Table.Tbody>
                            {rows.map((r) => (
                              <Table.Tr key={r.id}>
                                <Table.Th scope="row" fw={r.journeyName === undefined ? 700 : 400}>
                                  {r.label}
                                </Table.Th>
                                <Table.Td>{formatNumber(r.mean, 'grade', lang)}</Table.Td>
                                <Table.Td>{formatNumber(r.n, 'count', lang)}</Table.Td>
                              </Table.Tr>
                            ))}
                          </Table.Tbody>
                        </Table>
                      </Table.ScrollContainer>
                    ) : (
                      <Text size="sm">{t('appraisals.context.recognitionNone')}</Text>
                    )}
                    {(cell?.hidden ?? 0) > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('appraisals.context.recognitionHidden', { count: cell?.hidden, min: c.minimum })}
                      </Text>
                    )}
                  </Stack>
                );
              })}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

type PreviousAgreementRow = Appraisal['previousAgreements'][number];

/**
 * One of last cycle's agreements with its follow-up: the reviewer and HR record it while the
 * appraisal is not signed; the employee (and anyone after signing) reads it.
 */
function PreviousAgreement({ a, g }: { a: Appraisal; g: PreviousAgreementRow }) {
  const { t } = useTranslation();
  const save = useSaveFollowUp(a.id);
  const [status, setStatus] = useState<FollowUpStatus | null>(g.followUp?.status ?? null);
  const [note, setNote] = useState(g.followUp?.note ?? '');
  const frozen = a.stage === 'signed' || a.stage === 'closed';
  const canEdit = (a.viewerRole === 'reviewer' || a.viewerRole === 'hr') && !frozen;
  const statusOptions = FOLLOW_UP_STATUSES.map((s) => ({
    value: s,
    label: t(`appraisals.followUp.status.${s}`),
  }));
  return (
    <Paper withBorder p="xs">
      <Stack gap={6}>
        <Text size="sm">
          <strong>{g.valueName ?? t('appraisals.general')}</strong>: {g.what}
          {g.support ? ` (${t('appraisals.support')}: ${g.support})` : ''}
          {g.dueDate ? ` · ${t('appraisals.byWhen')} ${formatDate(g.dueDate)}` : ''}
        </Text>
        {canEdit ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (status) save.mutate({ agreementId: g.id, status, note });
            }}
          >
            <Stack gap={6}>
              <Select
                label={t('appraisals.followUp.label')}
                placeholder={t('appraisals.followUp.choose')}
                data={statusOptions}
                value={status}
                onChange={(v) => setStatus(v as FollowUpStatus | null)}
                allowDeselect={false}
              />
              <Textarea
                label={t('appraisals.followUp.note')}
                value={note}
                maxLength={APPRAISAL_LIMITS.followUpNoteMax}
                autosize
                minRows={1}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
              <Group gap="xs">
                <Button type="submit" size="xs" disabled={!status} loading={save.isPending}>
                  {t('appraisals.followUp.save')}
                </Button>
                {save.isSuccess && <SuccessNote>{t('appraisals.saved')}</SuccessNote>}
              </Group>
              {save.isError && <ErrorState error={save.error} />}
            </Stack>
          </form>
        ) : (
          <Text size="sm" c={g.followUp ? undefined : 'dimmed'}>
            {t('appraisals.followUp.label')}:{' '}
            {g.followUp ? (
              <>
                <strong>{t(`appraisals.followUp.status.${g.followUp.status}`)}</strong>
                {g.followUp.note ? ` — ${g.followUp.note}` : ''}
              </>
            ) : (
              t('appraisals.followUp.none')
            )}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Beside the conversation, per value: both reviews (as far as the caller may see them), the current
 * team's self index and customer grade from insights (the insights api applies scope and anonymity
 * minimum; what the caller may not see stays empty), its customer recognition per journey and
 * touchpoint, and the previous appraisal's agreements.
 */
function ContextPanel({ a }: { a: Appraisal }) {
  const { t, i18n } = useTranslation();
  const teamId = a.currentTeamId;
  const kpis = useKpis({ period: 'quarter', teamId: teamId ?? undefined }, teamId !== null);
  // A mean level 1-4 of one review: as many digits as it has, at most one ("3", "3,5").
  const level = new Intl.NumberFormat(numberLocale(i18n.language), { maximumFractionDigits: 1 });
  const show = (n: number | null | undefined, kind: 'level' | 'index' | 'grade') =>
    n === null || n === undefined
      ? '–'
      : kind === 'level'
        ? level.format(n)
        : formatNumber(n, kind, i18n.language);
  const latest = (key: string, side: 'self' | 'customer') => {
    const rows = (kpis.data?.rows ?? []).filter((r) => r.valueKey === key);
    for (const period of [...(kpis.data?.periods ?? [])].reverse()) {
      const row = rows.find((r) => r.period === period);
      if (side === 'self' && row?.self && !row.self.suppressed && row.self.index !== null)
        return row.self.index;
      if (side === 'customer' && row?.customer && row.customer.grade.mean !== null)
        return row.customer.grade.mean;
    }
    return null;
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('appraisals.context.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('appraisals.context.intro')}
        </Text>
        {a.teamChanged && a.currentTeamName && (
          <Text size="sm">
            {t('appraisals.context.teamChanged', {
              team: a.currentTeamName,
              opening: a.teamName ?? t('appraisals.cycles.noTeam'),
            })}
          </Text>
        )}
        {/* Scrolls sideways on a phone; focusable so keyboard users can scroll it too. */}
        <div
          style={{ overflowX: 'auto' }}
          tabIndex={0}
          role="region"
          aria-label={t('appraisals.context.title')}
        >
          <Table miw={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('appraisals.agreementValue')}</Table.Th>
                <Table.Th>{t('appraisals.context.self')}</Table.Th>
                <Table.Th>{t('appraisals.context.manager')}</Table.Th>
                <Table.Th>{t('appraisals.context.teamSelf')}</Table.Th>
                <Table.Th>{t('appraisals.context.customer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.values.map((v) => {
                const ids = v.behaviours.map((b) => b.id);
                return (
                  <Table.Tr key={v.id}>
                    <Table.Th scope="row">{v.name}</Table.Th>
                    <Table.Td>{show(mean(a.selfReview, ids), 'level')}</Table.Td>
                    <Table.Td>{show(mean(a.managerReview, ids), 'level')}</Table.Td>
                    <Table.Td>{kpis.isSuccess ? show(latest(v.key, 'self'), 'index') : '–'}</Table.Td>
                    <Table.Td>{kpis.isSuccess ? show(latest(v.key, 'customer'), 'grade') : '–'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
        {(kpis.isError || teamId === null) && <Text size="sm">{t('appraisals.context.noTeam')}</Text>}
        <TeamRecognition a={a} />
        {a.previousAgreements.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('appraisals.context.previous', { cycle: a.previousAgreements[0].cycleName })}
            </Title>
            {a.previousAgreements.map((g) => (
              <PreviousAgreement key={g.id} a={a} g={g} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function AppraisalBody({ a, onReload }: { a: Appraisal; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const author = a.viewerRole === 'employee' ? 'self' : a.viewerRole === 'reviewer' ? 'manager' : null;
  const own = author === 'self' ? a.selfSubmitted : author === 'manager' ? a.managerSubmitted : true;
  const frozen = a.stage === 'signed' || a.stage === 'closed';
  const other = author === 'self' ? a.managerReview : author === 'manager' ? a.selfReview : null;
  return (
    <Stack gap="lg">
      <Group gap="xs" wrap="wrap">
        <StatusBadge color="blue">{t(`appraisals.stage.${a.stage}`)}</StatusBadge>
        <Text size="sm">
          {t('appraisals.employee')}: {a.employeeName} · {t('appraisals.reviewer')}:{' '}
          {a.reviewerName ?? t('appraisals.noReviewer')}
          {a.dueDate ? ` · ${t('appraisals.due')}: ${formatDate(a.dueDate)}` : ''}
        </Text>
      </Group>
      {frozen && (
        <Anchor href={`/api/appraisals/${a.id}/pdf?locale=${i18n.language === 'en' ? 'en' : 'nl'}`} download>
          {t('appraisals.pdf')}
        </Anchor>
      )}
      {author && !own && !frozen && (
        <section aria-labelledby="review-title">
          <Title order={2} size="h4" id="review-title" mb="sm">
            {t('appraisals.yourReview')}
          </Title>
          {/* Remounted on a new version so a reload starts from what the server has. */}
          <ReviewForm key={a.version} a={a} author={author} onReload={onReload} />
        </section>
      )}
      {author === 'self' && a.selfSubmitted && a.selfReview && (
        <ReviewView a={a} review={a.selfReview} title={t('appraisals.selfReview')} />
      )}
      {author === 'manager' && a.managerSubmitted && a.managerReview && (
        <ReviewView a={a} review={a.managerReview} title={t('appraisals.managerReview')} />
      )}
      {author === null && a.selfReview && (
        <ReviewView a={a} review={a.selfReview} title={t('appraisals.selfReview')} />
      )}
      {author === null && a.managerReview && (
        <ReviewView a={a} review={a.managerReview} title={t('appraisals.managerReview')} />
      )}
      {author && other && (
        <ReviewView
          a={a}
          review={other}
          title={author === 'self' ? t('appraisals.managerReview') : t('appraisals.selfReview')}
        />
      )}
      {author && !other && (
        <Alert variant="light" color="gray">
          {author === 'self' ? t('appraisals.blindManager') : t('appraisals.blindSelf')}
        </Alert>
      )}
      {a.viewerRole === 'employee' && <ShareRounds a={a} onReload={onReload} />}
      {a.viewerRole === 'reviewer' && <SharedAnswers a={a} />}
      {a.viewerRole === 'hr' && <HrActions a={a} />}
      <ContextPanel a={a} />
      <Conversation key={`conv-${a.version}`} a={a} onReload={onReload} />
      {(a.stage === 'conversation' || frozen) && <Signing a={a} />}
      {a.events.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('appraisals.events')}
          </Title>
          {a.events.map((e, i) => (
            <Text size="sm" key={i}>
              {formatDateTime(e.at)} · {t(`appraisals.event.${e.kind}`)} · {e.actorName ?? '–'}
              {e.reason ? `: ${e.reason}` : ''}
            </Text>
          ))}
        </Paper>
      )}
    </Stack>
  );
}

/** One appraisal: the review, consent, the conversation and the signatures, as the caller may see it. */
export function AppraisalPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const query = useAppraisal(id, i18n.language === 'en' ? 'en' : 'nl');
  return (
    <Page title={query.data ? `${query.data.cycleName} · ${query.data.employeeName}` : t('appraisals.title')}>
      <QueryState query={query}>
        {(a) => <AppraisalBody a={a} onReload={() => void query.refetch()} />}
      </QueryState>
    </Page>
  );
}
