import type { ValueSetVersion } from '@wk/contracts';
import type { ValueDraft } from '@wk/domain';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { PublishedBehaviour } from './value-form';
import { useSaveDraft } from './values-api';
import { findProblems, localized, toDraftContent, valueIndexOf, type Problem } from './values-model';

/**
 * The draft being edited: its values, the selected one, unsaved changes, the problems found in the
 * browser and the field errors the server sent back, and saving.
 */
export function useDraftEditor(draft: ValueSetVersion, current: ValueSetVersion | null) {
  const { t, i18n } = useTranslation();
  // The draft's values and the api's field errors of the last save (`values[1].nameNl`), as a form.
  const form = useForm({ initialValues: { values: toDraftContent(draft.values) } });
  const values = form.values.values;
  const [selected, setSelected] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [showBlocked, setShowBlocked] = useState(false);
  const save = useSaveDraft();

  // When the server's draft content changes (a template replaced it), show what it holds now;
  // a refetch of the same content leaves the edits in progress alone.
  const serverContent = JSON.stringify(draft.values);
  const [seenContent, setSeenContent] = useState(serverContent);
  if (serverContent !== seenContent) {
    setSeenContent(serverContent);
    form.setFieldValue('values', toDraftContent(draft.values));
    setDirty(false);
  }

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const publishedBehaviours: PublishedBehaviour[] = useMemo(
    () =>
      (current?.values ?? []).flatMap((v) =>
        v.behaviours.map((b) => ({ key: b.key, label: `${localized(v, i18n.language).name}: ${b.textNl}` })),
      ),
    [current, i18n.language],
  );
  const problems = findProblems(
    values,
    publishedBehaviours.map((b) => b.key),
  );
  const byField = new Map<string, Problem>();
  for (const p of problems) if (!byField.has(p.field)) byField.set(p.field, p);
  const errorFor = (field: string): ReactNode => {
    if (form.errors[field]) return form.errors[field];
    const problem = byField.get(field);
    if (!problem || problem.blocking === 'none') return undefined;
    return t(`values.problems.${problem.code}`, { max: problem.max });
  };
  const saveBlocked = problems.some((p) => p.blocking === 'save');

  const update = (next: ValueDraft[]) => {
    form.setFieldValue('values', next);
    setDirty(true);
    form.clearErrors();
  };
  const onSave = () => {
    if (saveBlocked) {
      setShowBlocked(true);
      return;
    }
    setShowBlocked(false);
    save.mutate(values, {
      onSuccess: () => setDirty(false),
      onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
    });
  };

  return {
    values,
    selected,
    setSelected,
    dirty,
    update,
    save,
    onSave,
    saveBlocked,
    showBlocked,
    errorFor,
    publishedBehaviours,
    warnings: problems.filter((p) => p.blocking === 'none'),
    valuesWithProblems: new Set(
      problems.filter((p) => p.blocking !== 'none').map((p) => valueIndexOf(p.field)),
    ),
    nameOf: (v: ValueDraft) => localized(v, i18n.language).name || v.key,
  };
}
