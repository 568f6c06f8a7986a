import { ChatError, type Conversation } from '@parley/sdk';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { ChatComposer } from '../chat-composer/chat-composer.component';
import type { ChatMessageList } from '../chat-message-list/chat-message-list.component';
import { SubscriptionController } from '../controllers/subscription-controller';
import { loadDeferredParts } from '../deferred/load-deferred-parts';
import type { ChatSendEvent } from '../events/chat-send';
import { loadMarkdown } from '../markdown/load-markdown';
import { baseStyles } from '../shared/base-styles';
import { version } from '../shared/version';
import { type ConversationStrings, conversationStrings } from '../strings/conversation-strings';
import { conversationStyles } from './chat-conversation.styles';

/** The errors a conversation of a previous session gets. */
const lostWithTheSession = new Set<string>(['not_found', 'invalid_token', 'unauthorized']);

/** The events after which a conversation looks different. */
const conversationChanges = ['messages-change', 'state-change', 'title', 'error', 'deleted'] as const;

/**
 * @summary One conversation: its messages, an error with Retry, and the composer. Give it a
 * `Conversation` from `client.conversation(…)`; it loads a stored conversation's history itself.
 *
 * @tag chat-conversation
 *
 * @csspart messages - The message list (`<chat-message-list>`).
 * @csspart empty - What an empty conversation shows.
 * @csspart alert - The error shown when a turn or the history fails (`<chat-alert>`).
 * @csspart composer - The composer (`<chat-composer>`).
 * @csspart log - Passed on from the message list: its live region. Also passed on: `jump-button`, `message`, `bubble`,
 * `answer`, `content`, `note`, `tool`, `tool-base` (see `<chat-message-list>`).
 * @csspart composer-base - Passed on: the composer's `base`. Also `textarea`, `send-button`, `stop-button`.
 * @csspart alert-base - Passed on: the alert's `base`. Also `retry-button`.
 * @csspart status - "Reconnecting…" while the connection to the answer is re-established.
 * @csspart deleted - The notice of a conversation deleted elsewhere, with its New chat button.
 * @csspart new-chat-button - The New chat button of that notice.
 *
 * @fires {CustomEvent} chat-new-chat - New chat was chosen in the notice of a deleted conversation.
 */
export class ChatConversation extends LitElement {
  static readonly version = version;
  static override styles = [baseStyles, conversationStyles];
  // Declared here, not with decorators, so that the embed carries no decorator code.
  static override properties = {
    conversation: { attribute: false },
    strings: { attribute: false },
    allowRemoteImages: { type: Boolean, attribute: 'allow-remote-images' },
    sessionExpired: { type: Boolean, attribute: 'session-expired' },
    loading: { state: true, attribute: false },
    failure: { state: true, attribute: false },
  };

  /** The conversation to show and to send to. */
  conversation?: Conversation;

  /** The texts shown; see `ChatStrings`. */
  strings: ConversationStrings = conversationStrings;

  /** Load remote images in answers (see `<chat-message>`). */
  allowRemoteImages = false;

  /**
   * The visitor's session expired and they now chat as someone new (a guest whose token the
   * server refused): a stored conversation that is not found, or refused, is told as
   * `strings.sessionExpired`, not as missing.
   */
  sessionExpired = false;

  private loading = false;
  /** A failure outside a turn: loading the history, or a message refused before sending. */
  private failure: { error: ChatError; retry?: () => void } | undefined;

  get #composer(): ChatComposer | null {
    return this.renderRoot.querySelector<ChatComposer>('chat-composer');
  }

  get #list(): ChatMessageList | null {
    return this.renderRoot.querySelector<ChatMessageList>('chat-message-list');
  }

  #loadController: AbortController | undefined;

  constructor() {
    super();
    new SubscriptionController(
      this,
      () => this.conversation,
      (conversation, changed) => {
        const stops = conversationChanges.map((type) => conversation.on(type, changed));
        return () => {
          for (const stop of stops) stop();
        };
      },
    );
  }

  /** Puts the cursor in the composer. */
  focusComposer(): void {
    this.#composer?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loadController?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('conversation')) {
      this.failure = undefined;
      this.#loadController?.abort();
      this.loading = false;
      const conversation = this.conversation;
      if (
        conversation &&
        !conversation.isEphemeral &&
        conversation.messages.length === 0 &&
        conversation.status === 'idle'
      ) {
        this.#load(conversation);
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Errors are rare: `<chat-alert>` comes with the deferred parts.
    if (this.failure || this.conversation?.status === 'error') loadDeferredParts();
    if (changed.has('conversation')) this.#list?.scrollToEnd();
  }

  protected override render() {
    const conversation = this.conversation;
    const status = conversation?.status ?? 'ephemeral';
    const messages = conversation?.messages ?? [];
    const turnError = status === 'error' ? conversation?.error : null;
    const busy = status === 'streaming' || status === 'creating' || status === 'reconnecting';
    let alert = turnError
      ? {
          error: turnError,
          retry: turnError.retryable && conversation ? () => this.#retry(conversation) : undefined,
        }
      : this.failure;
    if (alert && this.sessionExpired && lostWithTheSession.has(alert.error.code)) {
      alert = { error: new ChatError({ code: alert.error.code, message: this.strings.sessionExpired }) };
    }
    return html`
      ${messages.length === 0 ? this.#renderEmpty() : nothing}
      <chat-message-list part="messages" exportparts="log, jump-button, message, bubble, answer, content, note, tool, tool-base"
        .messages=${messages} ?busy=${busy}
        .strings=${this.strings} ?allow-remote-images=${this.allowRemoteImages}></chat-message-list>
      <div class="footer">
        ${
          status === 'reconnecting'
            ? html`<p class="status" part="status" role="status">${this.strings.reconnecting}</p>`
            : nothing
        }
        ${
          conversation?.deleted
            ? html`<div class="deleted" part="deleted" role="status"><p>${this.strings.conversationDeleted}</p>
                <button type="button" part="new-chat-button" @click=${this.#onNewChat}>${this.strings.newChat}</button></div>`
            : nothing
        }
        ${
          alert
            ? html`<chat-alert part="alert" exportparts="base: alert-base, retry-button" .message=${alert.error.message} ?retryable=${alert.retry !== undefined}
                .strings=${this.strings} @chat-retry=${() => alert.retry?.()}></chat-alert>`
            : nothing
        }
        <chat-composer part="composer" exportparts="base: composer-base, textarea, send-button, stop-button"
          .strings=${this.strings} ?disabled=${status === 'creating' || !conversation || conversation.deleted}
          ?streaming=${busy} @chat-send=${this.#onSend}
          @chat-stop=${() => this.conversation?.stop()}></chat-composer>
      </div>
    `;
  }

  #renderEmpty() {
    if (this.loading) {
      return html`<div class="empty" part="empty" role="status"><p>${this.strings.loadingConversation}</p></div>`;
    }
    if (this.conversation && !this.conversation.isEphemeral) return nothing;
    return html`<div class="empty" part="empty">
      <h2>${this.strings.emptyConversationTitle}</h2>
      <p>${this.strings.emptyConversationHint}</p>
    </div>`;
  }

  #onSend(event: ChatSendEvent): void {
    const conversation = this.conversation;
    if (!conversation) return;
    loadMarkdown();
    // Act once every listener has seen the event: a host page may cancel it.
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      this.failure = undefined;
      this.#list?.scrollToEnd();
      conversation.send(event.detail.text).catch((error: unknown) => {
        this.failure = { error: asChatError(error) };
      });
    });
  }

  #onNewChat(): void {
    this.dispatchEvent(new CustomEvent('chat-new-chat', { bubbles: true, composed: true }));
  }

  #retry(conversation: Conversation): void {
    conversation.retry().catch((error: unknown) => {
      this.failure = { error: asChatError(error) };
    });
  }

  async #load(conversation: Conversation): Promise<void> {
    const controller = new AbortController();
    this.#loadController = controller;
    this.loading = true;
    loadMarkdown();
    try {
      await conversation.load({ signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.failure = { error: asChatError(error), retry: () => this.#load(conversation) };
    } finally {
      if (this.#loadController === controller) this.loading = false;
    }
  }
}

function asChatError(error: unknown): ChatError {
  return ChatError.isInstance(error)
    ? error
    : new ChatError({
        code: 'internal_error',
        message: error instanceof Error ? error.message : String(error),
      });
}
