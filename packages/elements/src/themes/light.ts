/**
 * The light colours: each `--parley-color-<name>` token's default in light mode. A host page themes
 * the elements by setting the tokens (`chat-app { --parley-color-accent: #0a7 }`), for both modes
 * at once or, with `light-dark(…, …)`, for each.
 */
export const lightColors = {
  background: '#ffffff',
  surface: '#f6f7f9',
  'surface-raised': '#eef1f5',
  text: '#16181d',
  'text-muted': '#5b6270',
  border: '#dde1e7',
  accent: '#2754c5',
  'accent-text': '#ffffff',
  hover: 'rgb(22 24 29 / 6%)',
  selected: 'rgb(39 84 197 / 12%)',
  danger: '#b42318',
  focus: '#2754c5',
  'code-background': '#f1f3f6',
  backdrop: 'rgb(15 17 21 / 40%)',
} as const;

/** The name of a colour token: `--parley-color-<name>`. */
export type ColorName = keyof typeof lightColors;
