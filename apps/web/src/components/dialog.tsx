import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's modal with a named close button (axe: button-name), open while mounted. */
export function Dialog(props: Omit<ModalProps, 'opened'>) {
  const { t } = useTranslation();
  return <Modal opened closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />;
}
