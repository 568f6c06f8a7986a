import type { ColorName } from './light';

/** The dark colours: each `--parley-color-<name>` token's default in dark mode (see `light.ts`). */
export const darkColors: Record<ColorName, string> = {
  background: '#16181d',
  surface: '#1e2127',
  'surface-raised': '#2a2e36',
  text: '#e8eaee',
  'text-muted': '#a2a9b6',
  border: '#343944',
  accent: '#8fb0ff',
  'accent-text': '#10141c',
  hover: 'rgb(232 234 238 / 7%)',
  selected: 'rgb(143 176 255 / 16%)',
  danger: '#ff8a80',
  focus: '#8fb0ff',
  'code-background': '#101216',
  backdrop: 'rgb(0 0 0 / 55%)',
};
