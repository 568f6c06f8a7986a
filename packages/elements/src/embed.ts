// The single-file embed: `<script type="module" src=".../embed.js">` defines every element.
// The conversation is defined at once; the sidebar comes in a chunk of its own, requested at once
// but not needed for the first answer, and markdown loads when the first answer arrives.
import './chat-app/chat-app';

import('./chat-sidebar/chat-sidebar');
