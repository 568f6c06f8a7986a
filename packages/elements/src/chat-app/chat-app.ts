import '../chat-conversation/chat-conversation';
import { defineElement } from '../shared/define-element';
import { ChatApp } from './chat-app.component';

export { ChatApp };

defineElement('chat-app', ChatApp);

declare global {
  interface HTMLElementTagNameMap {
    'chat-app': ChatApp;
  }
}
