import { svg } from 'lit';
import { icon } from '../shared/icons';

// Only the sidebar (and the drawer's close button beside it) uses these: they travel in the deferred
// chunk of the embed.
export const closeIcon = icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`);
export const plusIcon = icon(svg`<path d="M12 5v14M5 12h14"/>`);
export const pencilIcon = icon(svg`<path d="M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4"/>`);
export const trashIcon = icon(svg`<path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"/>`);
