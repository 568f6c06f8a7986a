// The single-file embed: `<script type="module" src=".../embed.js">` defines every element.
// The conversation is defined at once. What the first answer does not need comes in two chunks:
// the deferred parts (the sidebar, the error alert, the tool indicator), requested at once but
// not waited for, and markdown, loaded when the first answer is on its way.
import './chat-app/chat-app';
import { loadDeferredParts } from './deferred/load-deferred-parts';

loadDeferredParts();
