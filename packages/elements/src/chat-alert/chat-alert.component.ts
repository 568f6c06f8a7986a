import { html, LitElement, nothing } from 'lit';
import { ChatRetryEvent } from '../events/chat-retry';
import { baseStyles } from '../shared/base-styles';
import { version } from '../shared/version';
import { type ConversationStrings, conversationStrings } from '../strings/conversation-strings';
import { alertStyles } from './chat-alert.styles';

/**
 * @summary An error, announced to screen readers, with a Retry button when trying again can help.
 *
 * @tag chat-alert
 *
 * @fires {ChatRetryEvent} chat-retry - When the user presses Retry.
 *
 * @csspart base - The alert box.
 * @csspart retry-button - The Retry button.
 */
export class ChatAlert extends LitElement {
  static readonly version = version;
  static override styles = [baseStyles, alertStyles];
  // Declared here, not with decorators, so that the embed carries no decorator code.
  static override properties = {
    message: {},
    retryable: { type: Boolean },
    strings: { attribute: false },
  };

  /** What went wrong, for people. */
  message = '';

  /** Show a Retry button. */
  retryable = false;

  /** The texts shown; see `ChatStrings`. */
  strings: ConversationStrings = conversationStrings;

  protected override render() {
    return html`<div class="alert" part="base" role="alert">
      <p>${this.message || this.strings.genericError}</p>
      ${
        this.retryable
          ? html`<button type="button" part="retry-button" @click=${() => this.dispatchEvent(new ChatRetryEvent())}>
              ${this.strings.retry}
            </button>`
          : nothing
      }
    </div>`;
  }
}
