import { defineElement } from '../shared/define-element';
import { ChatSidebar } from './chat-sidebar.component';

export { ChatSidebar };

defineElement('chat-sidebar', ChatSidebar);

declare global {
  interface HTMLElementTagNameMap {
    'chat-sidebar': ChatSidebar;
  }
}
