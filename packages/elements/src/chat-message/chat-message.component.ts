import type { ChatMessage as ChatMessageData } from '@parley/sdk';
import { adoptStyles, html, LitElement, nothing, type PropertyValues } from 'lit';
import { loadDeferredParts } from '../deferred/load-deferred-parts';
import { loadedMarkdown, loadMarkdown } from '../markdown/load-markdown';
import { baseStyles } from '../shared/base-styles';
import { version } from '../shared/version';
import { type ConversationStrings, conversationStrings } from '../strings/conversation-strings';
import { messageStyles } from './chat-message.styles';

/**
 * @summary One message. The user's text is shown as written; the assistant's is markdown, rendered
 * safely (see `renderMarkdown`), with the tools it used above it. While an answer streams, only
 * this element re-renders, at most once per frame.
 *
 * @tag chat-message
 *
 * @csspart bubble - The user's message.
 * @csspart answer - The assistant's answer: tools, text and notes.
 * @csspart content - The rendered markdown of an answer.
 * @csspart tool - Each tool indicator (with its own `base` part).
 * @csspart note - A note under an answer ("Stopped", "Interrupted").
 */
export class ChatMessage extends LitElement {
  static readonly version = version;
  static override styles = [baseStyles, messageStyles];
  // Declared here, not with decorators, so that the embed carries no decorator code.
  static override properties = {
    message: { attribute: false },
    strings: { attribute: false },
    allowRemoteImages: { type: Boolean, attribute: 'allow-remote-images' },
    rendered: { state: true, attribute: false },
  };

  /** The message to show. Messages are immutable: a new object means something changed. */
  message?: ChatMessageData;

  /** The texts shown; see `ChatStrings`. */
  strings: ConversationStrings = conversationStrings;

  /** Load remote images in answers. Off: they become links, since an image can leak the conversation. */
  allowRemoteImages = false;

  /** The answer's nodes, built from its markdown once the renderer has loaded. */
  private rendered?: DocumentFragment;

  #frame = 0;
  #styled = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const message = this.message;
    if (message?.role !== 'assistant') return;
    // Only answers that use tools need `<chat-tool-indicator>`: it comes with the deferred parts.
    if (message.tool_calls.length > 0) loadDeferredParts();
    if (!changed.has('message') && !changed.has('allowRemoteImages') && !changed.has('strings')) return;
    if (!loadedMarkdown()) {
      loadMarkdown().then(() => this.#renderMarkdown());
    } else if (message.status === 'streaming' && this.rendered !== undefined) {
      // Tokens can arrive faster than frames: parse once per frame, with the latest text.
      this.#frame ||= requestAnimationFrame(() => {
        this.#frame = 0;
        this.#renderMarkdown();
      });
    } else {
      cancelAnimationFrame(this.#frame);
      this.#frame = 0;
      this.rendered = this.#markdown(message.content);
    }
  }

  protected override render() {
    const message = this.message;
    if (!message) return nothing;
    if (message.role === 'user') {
      // A message runs in its own direction (English in an Arabic chat, or the other way round); the
      // label has a `dir` of its own so that it does not count towards the bubble's.
      return html`<div class="user">
        <div class="bubble" part="bubble" dir="auto"><span class="visually-hidden" dir="auto">${this.strings.you}: </span>${message.content}</div>
      </div>`;
    }
    return html`<div class="assistant" part="answer">
      <span class="visually-hidden">${this.strings.assistant}: </span>
      ${
        message.tool_calls.length > 0
          ? html`<div class="tools">
              ${message.tool_calls.map(
                (toolCall) =>
                  html`<chat-tool-indicator part="tool" exportparts="base: tool-base" .toolCall=${toolCall}
                    .strings=${this.strings}></chat-tool-indicator>`,
              )}
            </div>`
          : nothing
      }
      ${this.#renderContent(message)}
      ${message.status === 'partial' ? html`<p class="note" part="note">${this.strings.stopped}</p>` : nothing}
      ${message.status === 'interrupted' ? html`<p class="note" part="note">${this.strings.interrupted}</p>` : nothing}
    </div>`;
  }

  #renderContent(message: ChatMessageData) {
    if (message.content === '') {
      return message.status === 'streaming'
        ? html`<p class="thinking">${this.strings.thinking}</p>`
        : nothing;
    }
    // Until the markdown renderer has loaded, the text is shown as plain text.
    return this.rendered === undefined
      ? html`<div class="content plain" part="content" dir="auto">${message.content}</div>`
      : html`<div class="content" part="content" dir="auto">${this.rendered}</div>`;
  }

  #renderMarkdown(): void {
    if (this.message?.role === 'assistant') this.rendered = this.#markdown(this.message.content);
  }

  /** The answer's markdown as nodes (see `markdownTemplate`), with the styles of markdown adopted once. */
  #markdown(source: string): DocumentFragment | undefined {
    const markdown = loadedMarkdown();
    if (!markdown) return undefined;
    if (!this.#styled && this.renderRoot instanceof ShadowRoot) {
      this.#styled = true;
      adoptStyles(this.renderRoot, [
        ...(this.constructor as typeof LitElement).elementStyles,
        markdown.markdownStyles,
      ]);
    }
    return markdown.markdownTemplate(source, {
      allowRemoteImages: this.allowRemoteImages,
      imageLink: this.strings.imageLink,
    });
  }
}
