import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/** A tinted badge whose text stays dark: Mantine's light variant text fails AA contrast. */
export function StatusBadge({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge
      color={color}
      variant="light"
      c="gray.9"
      tt="none"
      fw={600}
      styles={{ root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {children}
    </Badge>
  );
}
