import { Button, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithoutRef } from 'react';

/**
 * A small red text button for delete / revoke in a row of actions. The darker red keeps AA
 * contrast on striped and tinted rows, where the subtle default red does not.
 */
export function DangerButton(
  props: ButtonProps & Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps>,
) {
  return <Button size="compact-sm" variant="subtle" color="red" c="red.9" {...props} />;
}
