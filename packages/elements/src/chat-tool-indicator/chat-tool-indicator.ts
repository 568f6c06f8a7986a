import { defineElement } from '../shared/define-element';
import { ChatToolIndicator } from './chat-tool-indicator.component';

export { ChatToolIndicator };

defineElement('chat-tool-indicator', ChatToolIndicator);

declare global {
  interface HTMLElementTagNameMap {
    'chat-tool-indicator': ChatToolIndicator;
  }
}
