import { defineElement } from '../shared/define-element';
import { ChatAlert } from './chat-alert.component';

export { ChatAlert };

defineElement('chat-alert', ChatAlert);

declare global {
  interface HTMLElementTagNameMap {
    'chat-alert': ChatAlert;
  }
}
