import { svg } from 'lit';
import { icon } from '../shared/icons';

// Only the tool indicator uses it: it travels in the deferred chunk of the embed.
export const toolIcon = icon(
  svg`<path d="M14.7 6.3a4 4 0 0 0-5.4 5.4L4 17l3 3 5.3-5.3a4 4 0 0 0 5.4-5.4l-2.6 2.6-2.4-.6-.6-2.4z"/>`,
);
