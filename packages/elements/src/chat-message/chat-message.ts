import { defineElement } from '../shared/define-element';
import { ChatMessage } from './chat-message.component';

export { ChatMessage };

defineElement('chat-message', ChatMessage);

declare global {
  interface HTMLElementTagNameMap {
    'chat-message': ChatMessage;
  }
}
