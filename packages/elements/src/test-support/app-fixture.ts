import { fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import type { ChatApp } from '../chat-app/chat-app.component';
import type { RoutingMode } from '../routing/chat-router';
import { deep, shadow, shadowAll, text, until } from './dom';
import { testBasePath } from './location';
import { serverUrl, tokenFor, uniqueUserId } from './test-server';
import '../define';

export interface AppOptions {
  routing?: RoutingMode;
  basePath?: string;
  width?: string;
  height?: string;
  userId?: string;
  /** The app's `lang` attribute. */
  lang?: string;
}

/** A `<chat-app>` against the real test server, as a new user with no conversations. */
export async function createApp(options: AppOptions = {}) {
  const url = await serverUrl();
  const userId = options.userId ?? uniqueUserId();
  const token = await tokenFor(userId);
  const routing = options.routing ?? 'path';
  const basePath = options.basePath ?? (routing === 'path' ? testBasePath : '');
  const app =
    await fixture<ChatApp>(html`<div style="width: ${options.width ?? '1100px'}; height: ${options.height ?? '640px'}">
    <chat-app base-url=${url} token=${token} routing=${routing} base-path=${basePath} lang=${options.lang ?? nothing}></chat-app>
  </div>`).then((wrapper) => wrapper.querySelector('chat-app')!);
  await app.updateComplete;
  // The sidebar comes with the deferred parts, a moment after the conversation.
  await until(() => app.shadowRoot?.querySelector('chat-sidebar'), 'the sidebar');
  return { app, userId, ...parts(app) };
}

/** Ways into a `<chat-app>`'s parts. */
export function parts(app: ChatApp) {
  const sidebar = () => shadow(app, 'chat-sidebar');
  const conversation = () => shadow(app, 'chat-conversation');
  const composer = () => deep(app, 'chat-conversation', 'chat-composer');
  const textarea = () => deep<HTMLTextAreaElement>(app, 'chat-conversation', 'chat-composer', 'textarea');
  const messages = () => shadowAll(deep(app, 'chat-conversation', 'chat-message-list'), 'chat-message');
  const sessionLinks = () => shadowAll<HTMLAnchorElement>(sidebar(), 'a.link');
  return {
    sidebar,
    conversation,
    composer,
    textarea,
    messages,
    sessionLinks,
    /** Types `message` and presses Enter, as a user would. */
    async send(message: string) {
      await until(() => !textarea().disabled, 'the composer to be enabled');
      const field = textarea();
      field.value = message;
      field.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await (composer() as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    },
    /** Waits until the turn is over (answered, stopped or failed) and on screen. */
    async answered() {
      type Shown = HTMLElement & { message?: { role: string; status: string; content: string } };
      const state = () =>
        (conversation() as unknown as { conversation?: { status: string; messages: readonly unknown[] } })
          .conversation;
      const last = () => messages().at(-1) as Shown | undefined;
      try {
        await until(
          () =>
            ['idle', 'error'].includes(state()?.status ?? '') &&
            messages().length === state()?.messages.length &&
            last()?.message?.role === 'assistant' &&
            last()?.message?.status !== 'streaming',
          'the answer to finish',
          20_000,
        );
      } catch (error) {
        const message = `${(error as Error).message} (conversation ${state()?.status}, last ${JSON.stringify(last()?.message)})`;
        throw new Error(message);
      }
    },
    /** The text of the sidebar's conversation links, in order. */
    titles: () => sessionLinks().map(text),
    /** Clicks the general "New chat" button. */
    newChat: () => shadow<HTMLButtonElement>(sidebar(), '.new-chat').click(),
  };
}
