import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { ErrorState, Loading } from '../../components/states';
import { DraftEditor } from './draft-editor';
import { NoDraft } from './template-picker';
import { ValueVersions } from './value-versions';
import { useCurrentValues, useValueDraft } from './values-api';

export function ValuesEditorPage() {
  const { t } = useTranslation();
  const draft = useValueDraft();
  const current = useCurrentValues();
  return (
    <Page title={t('values.editor.title')} intro={t('values.editor.intro')}>
      {draft.isPending || current.isPending ? (
        <Loading />
      ) : draft.isError || current.isError ? (
        <ErrorState
          error={draft.error ?? current.error}
          onRetry={() => {
            void draft.refetch();
            void current.refetch();
          }}
        />
      ) : draft.data ? (
        <DraftEditor key={draft.data.id} draft={draft.data} current={current.data} />
      ) : (
        <NoDraft current={current.data} />
      )}
      <ValueVersions />
    </Page>
  );
}
