import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Blue 9 on white and the darkened "dimmed" text keep WCAG AA contrast.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, sans-serif',
});
// Mantine's default "dimmed" grey is a shade too light for AA contrast on white and grey.0.
export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#55595f' },
  dark: {},
});
