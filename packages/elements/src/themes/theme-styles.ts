import { css, unsafeCSS } from 'lit';
import { darkColors } from './dark';
import { type ColorName, lightColors } from './light';

/** Which colours an element uses: the system's preference unless the `theme` attribute says otherwise. */
export type ChatTheme = 'light' | 'dark' | 'system';

/**
 * Each colour the parts use, as a private `--_parley-color-<name>`: the public token when the page
 * sets it, otherwise the light or dark default, picked by the element's `color-scheme`.
 */
const colors = unsafeCSS(
  Object.keys(lightColors)
    .map((name) => {
      const token = name as ColorName;
      return `--_parley-color-${token}:var(--parley-color-${token},light-dark(${lightColors[token]},${darkColors[token]}));`;
    })
    .join(''),
);

/**
 * The theme of an element that can stand on its own (`<chat-app>`, `<chat-sidebar>`): the tokens
 * that are not colours, then the colours for the `theme` attribute or, without it, the system's preference.
 */
export const themeStyles = css`
  :host {
    color-scheme: light dark;
    --_parley-font-family: var(--parley-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_parley-font-family-code: var(--parley-font-family-code, ui-monospace, 'SF Mono', Menlo, Consolas, monospace);
    --_parley-font-size: var(--parley-font-size, 15px);
    --_parley-radius: var(--parley-radius, 10px);
    --_parley-sidebar-width: var(--parley-sidebar-width, 272px);
    --_parley-content-width: var(--parley-content-width, 46rem);
    ${colors}
    font-family: var(--_parley-font-family);
    font-size: var(--_parley-font-size);
    line-height: 1.5;
    color: var(--_parley-color-text);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
`;
