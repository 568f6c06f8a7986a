import { svg } from 'lit';

/** A small inline icon (24×24, stroke-based): the embed needs no icon font and no extra request. */
export const icon = (path: ReturnType<typeof svg>) => svg`<svg
  viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2"
  stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${path}</svg>`;

export const sendIcon = icon(svg`<path d="M12 19V5M5 12l7-7 7 7"/>`);
export const stopIcon = icon(svg`<rect x="7" y="7" width="10" height="10" rx="1.5" fill="currentColor"/>`);
export const arrowDownIcon = icon(svg`<path d="M12 5v14M19 12l-7 7-7-7"/>`);
export const menuIcon = icon(svg`<path d="M4 6h16M4 12h16M4 18h16"/>`);
