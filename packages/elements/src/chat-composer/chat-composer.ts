import { defineElement } from '../shared/define-element';
import { ChatComposer } from './chat-composer.component';

export { ChatComposer };

defineElement('chat-composer', ChatComposer);

declare global {
  interface HTMLElementTagNameMap {
    'chat-composer': ChatComposer;
  }
}
