import type { ChatMessage as ChatMessageData } from '@parley/sdk';
import { html, LitElement } from 'lit';
import { FollowScrollController } from '../controllers/follow-scroll-controller';
import { baseStyles } from '../shared/base-styles';
import { arrowDownIcon } from '../shared/icons';
import { version } from '../shared/version';
import { type ConversationStrings, conversationStrings } from '../strings/conversation-strings';
import { messageListStyles } from './chat-message-list.styles';

/**
 * @summary The messages of a conversation, in a polite live region that scrolls. It follows the
 * answer being written unless the user has scrolled up to read; then, when more is written, a
 * "Jump to latest" button takes them back down and follows again.
 *
 * @tag chat-message-list
 *
 * @csspart log - The live region holding the messages.
 * @csspart jump-button - The "Jump to latest" button, shown when the user has scrolled up and more was written.
 * @csspart message - Each message (with the parts of `<chat-message>` exported as `bubble`, `answer`, `content`, `note`).
 */
export class ChatMessageList extends LitElement {
  static readonly version = version;
  static override styles = [baseStyles, messageListStyles];
  // Declared here, not with decorators, so that the embed carries no decorator code.
  static override properties = {
    messages: { attribute: false },
    busy: { type: Boolean },
    strings: { attribute: false },
    allowRemoteImages: { type: Boolean, attribute: 'allow-remote-images' },
  };

  /** The messages, oldest first. Unchanged message objects are not re-rendered. */
  messages: readonly ChatMessageData[] = [];

  /** An answer is being written: screen readers wait for it to finish before reading it. */
  busy = false;

  /** The texts shown; see `ChatStrings`. */
  strings: ConversationStrings = conversationStrings;

  /** Load remote images in answers (see `<chat-message>`). */
  allowRemoteImages = false;

  get #log(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.log');
  }

  get #content(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.messages');
  }

  readonly #scroll = new FollowScrollController(
    this,
    () => this.#log,
    () => this.#content,
  );

  /** Scrolls to the newest message and follows the answer again. */
  scrollToEnd(): void {
    this.#scroll.follow();
  }

  #jump(): void {
    // The button hides once followed: keep the keyboard's place in the list, not on the page.
    if ((this.renderRoot as ShadowRoot).activeElement?.classList.contains('jump')) {
      this.#log?.focus({ preventScroll: true });
    }
    this.#scroll.follow();
  }

  protected override render() {
    // The scroller can take the focus, so that keyboard users can scroll a long answer.
    return html`<div class="log" part="log" role="log" aria-live="polite" aria-relevant="additions text"
      tabindex="0" aria-label=${this.strings.messagesLabel} aria-busy=${this.busy ? 'true' : 'false'}>
      <div class="messages">
        ${this.messages.map(
          (message) =>
            html`<chat-message part="message" exportparts="bubble, answer, content, note, tool, tool-base"
              .message=${message} .strings=${this.strings} ?allow-remote-images=${this.allowRemoteImages}></chat-message>`,
        )}
      </div>
    </div>
    <button type="button" class="jump" part="jump-button" ?hidden=${!this.#scroll.behind}
      @click=${this.#jump}>${arrowDownIcon}<span>${this.strings.jumpToLatest}</span></button>`;
  }
}
