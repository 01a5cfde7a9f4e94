import type { ActionCell } from '@wk/contracts';
import { lazy, Suspense, useState } from 'react';

const CreateActionModal = lazy(() =>
  import('../actions/create-action-modal').then((m) => ({ default: m.CreateActionModal })),
);

/**
 * The create-action modal of a focus cell or heatmap row, loaded when first opened: a dashboard
 * page neither downloads the form nor asks for the people to pick an owner from until someone
 * wants to create an action. Once opened it stays mounted, so closing animates and returns focus.
 */
export function ActionModalOnDemand(props: {
  /** null: closed. */
  cell: ActionCell | null;
  /** The cell in words: value · group · period. */
  describe: string;
  onClose: () => void;
}) {
  const [wanted, setWanted] = useState(false);
  if (props.cell && !wanted) setWanted(true);
  return wanted ? (
    <Suspense fallback={null}>
      <CreateActionModal {...props} />
    </Suspense>
  ) : null;
}
