import { ActionIcon, Group } from '@mantine/core';

/** Up, down and remove buttons for an item in an ordered list, each with its own label. */
export function OrderButtons({
  labels,
  first,
  last,
  onMove,
  onRemove,
}: {
  labels: { up: string; down: string; remove: string };
  first: boolean;
  last: boolean;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="default"
        aria-label={labels.up}
        title={labels.up}
        disabled={first}
        onClick={() => onMove(-1)}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="default"
        aria-label={labels.down}
        title={labels.down}
        disabled={last}
        onClick={() => onMove(1)}
      >
        ↓
      </ActionIcon>
      <ActionIcon
        variant="default"
        color="red"
        aria-label={labels.remove}
        title={labels.remove}
        onClick={onRemove}
      >
        ✕
      </ActionIcon>
    </Group>
  );
}
