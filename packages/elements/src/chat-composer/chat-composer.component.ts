import { html, LitElement, nothing } from 'lit';
import { ChatSendEvent } from '../events/chat-send';
import { ChatStopEvent } from '../events/chat-stop';
import { baseStyles } from '../shared/base-styles';
import { sendIcon, stopIcon } from '../shared/icons';
import { type ConversationStrings, conversationStrings } from '../strings/conversation-strings';
import { version } from '../shared/version';
import { composerStyles } from './chat-composer.styles';

/**
 * @summary The message field: Enter sends, Shift+Enter starts a new line, and it grows with its text.
 * An input method's composition (Japanese, Chinese, Korean…) never sends: its Enter confirms the text.
 *
 * @tag chat-composer
 *
 * @fires {ChatSendEvent} chat-send - Before a message is sent, with `detail.text`. Cancelable: the text then stays.
 * @fires {ChatStopEvent} chat-stop - When the user presses Stop while an answer is written.
 *
 * @csspart base - The box around the field and its button.
 * @csspart textarea - The message field.
 * @csspart send-button - The send button.
 * @csspart stop-button - The stop button, shown while an answer is written.
 */
export class ChatComposer extends LitElement {
  static readonly version = version;
  static override styles = [baseStyles, composerStyles];
  // Declared here, not with decorators, so that the embed carries no decorator code.
  static override properties = {
    disabled: { type: Boolean, reflect: true },
    streaming: { type: Boolean, reflect: true },
    value: {},
    strings: { attribute: false },
  };

  /** No typing and no sending: the conversation is being created. */
  disabled = false;

  /** An answer is being written: Stop replaces Send, and Enter does not send. */
  streaming = false;

  /** The text of the field. */
  value = '';

  /** The texts shown; see `ChatStrings`. */
  strings: ConversationStrings = conversationStrings;

  get #textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
  }

  #composing = false;
  #hadFocus = false;

  /** Puts the cursor in the message field. */
  override focus(options?: FocusOptions): void {
    this.#textarea?.focus(options);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Disabling blurs the field; remember to give the focus back when it is enabled again.
    if (changed.has('disabled') && this.disabled) this.#hadFocus = this.matches(':focus-within');
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('value')) this.#fit();
    if (changed.has('disabled') && !this.disabled && this.#hadFocus) {
      this.#hadFocus = false;
      this.#textarea?.focus();
    }
  }

  protected override render() {
    const empty = this.value.trim() === '';
    return html`
      <div class="composer" part="base">
        <!-- Typed text runs in its own direction; empty, the placeholder follows the chat's. -->
        <textarea
          part="textarea"
          dir=${empty ? nothing : 'auto'}
          rows="1"
          aria-label=${this.strings.composerLabel}
          placeholder=${this.strings.composerPlaceholder}
          .value=${this.value}
          ?disabled=${this.disabled}
          @input=${this.#onInput}
          @keydown=${this.#onKeyDown}
          @compositionstart=${() => {
            this.#composing = true;
          }}
          @compositionend=${() => {
            this.#composing = false;
          }}
        ></textarea>
        ${
          this.streaming
            ? html`<button type="button" class="stop" part="stop-button" aria-label=${this.strings.stop}
                title=${this.strings.stop} @click=${this.#stop}>${stopIcon}</button>`
            : html`<button type="button" part="send-button" aria-label=${this.strings.send} title=${this.strings.send}
                ?disabled=${this.disabled || empty} @click=${this.#send}>${sendIcon}</button>`
        }
      </div>
    `;
  }

  #onInput(event: InputEvent): void {
    this.value = (event.target as HTMLTextAreaElement).value;
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey) return;
    // keyCode 229 is the Enter that ends a composition in Safari, which reports isComposing false.
    if (event.isComposing || this.#composing || event.keyCode === 229) return;
    event.preventDefault();
    if (!this.streaming) this.#send();
  }

  #send(): void {
    const text = this.value;
    if (this.disabled || this.streaming || text.trim() === '') return;
    if (this.dispatchEvent(new ChatSendEvent({ text }))) this.value = '';
  }

  #stop(): void {
    this.dispatchEvent(new ChatStopEvent());
  }

  /** Grows the field with its text, up to its maximum height (then it scrolls). */
  #fit(): void {
    const textarea = this.#textarea;
    if (!textarea) return;
    textarea.style.height = 'auto';
    textarea.style.height = `${textarea.scrollHeight}px`;
  }
}
