import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ChatClient } from '@parley/sdk';
import '../test-support/lit-warnings';
import { createApp, parts } from '../test-support/app-fixture';
import { deep, shadow, shadowAll, text, until } from '../test-support/dom';
import { originalUrl, testBasePath } from '../test-support/location';
import { messageText } from '../test-support/messages';
import { query, serverUrl, tokenFor, uniqueUserId } from '../test-support/test-server';
import type { ChatConversationCreatedEvent } from '../events/chat-conversation-created';
import type { ChatApp } from './chat-app.component';

declare global {
  interface Window {
    __parleyMarker?: object;
  }
}

interface NavigationEntryLike {
  sameDocument: boolean;
}
interface NavigateEventLike extends Event {
  navigationType: string;
  destination: NavigationEntryLike;
}
/** The Navigation API (Chromium), which tells a same-document navigation from a page load. */
const navigationApi = (
  window as unknown as { navigation: EventTarget & { entries(): NavigationEntryLike[] } }
).navigation;

/** Resolves with what was true when `chat-conversation-created` fired, in the listener itself. */
function whenCreated(app: ChatApp) {
  return new Promise<{ sessionId: string; modelId: string | null; path: string; hash: string; href: string }>(
    (resolve) => {
      app.addEventListener(
        'chat-conversation-created',
        (event: ChatConversationCreatedEvent) =>
          resolve({ ...event.detail, path: location.pathname, hash: location.hash, href: location.href }),
        { once: true },
      );
    },
  );
}

/** Counts the server requests made through `fetch` while `action` runs. */
async function requestsDuring(action: () => Promise<void> | void): Promise<string[]> {
  const url = await serverUrl();
  const requests: string[] = [];
  const realFetch = window.fetch;
  window.fetch = (input, init) => {
    const address = input instanceof Request ? input.url : String(input);
    if (address.startsWith(url)) requests.push(address);
    return realFetch(input, init);
  };
  try {
    await action();
  } finally {
    window.fetch = realFetch;
  }
  return requests;
}

async function sessionCount(userId: string): Promise<number> {
  const [row] = await query<{ count: string | number }>(
    'SELECT COUNT(*) AS count FROM chat_sessions WHERE user_id = $1',
    [userId],
  );
  return Number(row?.count);
}

describe('<chat-app>', () => {
  it('renders the sidebar, an empty new conversation and the composer', async () => {
    const { app, sidebar, conversation, textarea } = await createApp();
    expect(sidebar()).to.exist;
    expect(text(shadow(conversation(), '.empty'))).to.contain('How can I help?');
    expect(textarea().disabled).to.equal(false);
    expect(text(shadow(app, '.title'))).to.equal('New chat');
    await until(
      () => text(shadow(sidebar(), 'section:last-of-type')).includes('No conversations yet.'),
      'the list',
    );
    await expect(app).to.be.accessible();
  });

  it('passes the parts of its conversation and sidebar on, so a page can style them', async () => {
    const { app, sidebar, textarea } = await createApp();
    const style = document.createElement('style');
    style.textContent = `
      chat-app::part(textarea) { letter-spacing: 3px; }
      chat-app::part(new-chat-button) { outline-offset: 7px; }
      chat-app::part(composer-base) { border-top-width: 5px; }`;
    document.head.append(style);
    try {
      await until(() => sidebar() !== null, 'the sidebar');
      expect(getComputedStyle(textarea()).letterSpacing).to.equal('3px');
      const newChat = shadow<HTMLElement>(sidebar(), '[part="new-chat-button"]');
      expect(getComputedStyle(newChat).outlineOffset).to.equal('7px');
      const composerBase = deep<HTMLElement>(app, 'chat-conversation', 'chat-composer', '[part="base"]');
      expect(getComputedStyle(composerBase).borderTopWidth).to.equal('5px');
    } finally {
      style.remove();
    }
  });

  it('opens "New chat" without a page load and without a request', async () => {
    const { app, newChat, userId, textarea } = await createApp();
    const marker = {};
    window.__parleyMarker = marker;
    const entriesBefore = navigationApi.entries().length;
    const navigations: NavigateEventLike[] = [];
    const record = (event: Event) => navigations.push(event as NavigateEventLike);
    navigationApi.addEventListener('navigate', record);
    const requests = await requestsDuring(async () => {
      newChat();
      await app.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    navigationApi.removeEventListener('navigate', record);
    expect(location.pathname).to.equal(`${testBasePath}/new`);
    expect(window.__parleyMarker, 'a page load would have cleared the marker').to.equal(marker);
    expect(navigations.map((event) => [event.navigationType, event.destination.sameDocument])).to.deep.equal([
      ['push', true],
    ]);
    expect(navigationApi.entries().length).to.equal(entriesBefore + 1);
    expect(requests).to.deep.equal([]);
    expect(await sessionCount(userId)).to.equal(0);
    expect(app.shadowRoot!.activeElement?.localName).to.equal('chat-conversation');
    expect(textarea().matches(':focus')).to.equal(true);
    delete window.__parleyMarker;
  });

  it('turns /new into /c/{id} when session_created arrives, lists it at once, then titles it', async () => {
    const { app, send, answered, titles, userId, sidebar } = await createApp();
    const created = whenCreated(app);
    // Whether the sidebar showed the new conversation before the next frame was painted.
    const listedInTheSameFrame = created.then(
      ({ sessionId }) =>
        new Promise<boolean>((resolve) =>
          requestAnimationFrame(() =>
            resolve(shadowAll(sidebar(), `a[data-session="${sessionId}"]`).length > 0),
          ),
        ),
    );
    await send('Hello AI');
    const { sessionId, modelId, path } = await created;
    expect(path).to.equal(`${testBasePath}/c/${sessionId}`);
    expect(modelId).to.equal(null);
    expect(await listedInTheSameFrame).to.equal(true);
    await answered();
    expect(location.pathname).to.equal(`${testBasePath}/c/${sessionId}`);
    await until(() => titles().length === 1 && titles()[0] !== 'New conversation', 'the generated title');
    expect(text(shadow(app, '.title'))).to.equal(titles()[0]);
    const current = shadow(sidebar(), 'a[aria-current="page"]');
    expect(current.dataset.session).to.equal(sessionId);
    const rows = await query<{ role: string }>(
      'SELECT role FROM chat_messages WHERE session_id = $1 ORDER BY created_at, id',
      [sessionId],
    );
    expect(rows.map((row) => row.role)).to.deep.equal(['user', 'assistant']);
    expect(await sessionCount(userId)).to.equal(1);
    const [empty] = await query<{ count: string | number }>(
      'SELECT COUNT(*) AS count FROM chat_sessions WHERE id NOT IN (SELECT DISTINCT session_id FROM chat_messages)',
    );
    expect(Number(empty?.count)).to.equal(0);
  });

  it('changes the URL while the answer is still streaming', async () => {
    const { app, send, answered } = await createApp();
    const created = new Promise<string>((resolve) =>
      app.addEventListener(
        'chat-conversation-created',
        () =>
          resolve(
            (deep(app, 'chat-conversation') as unknown as { conversation: { status: string } }).conversation
              .status,
          ),
        { once: true },
      ),
    );
    await send('Tell me something long');
    expect(await created).to.equal('streaming');
    await answered();
  });

  it('follows Back and Forward between conversations', async () => {
    const { app, send, answered, newChat, messages, sidebar } = await createApp();
    const first = whenCreated(app);
    await send('First conversation');
    const { sessionId: a } = await first;
    await answered();
    newChat();
    await app.updateComplete;
    expect(location.pathname).to.equal(`${testBasePath}/new`);
    const second = whenCreated(app);
    await send('Second conversation');
    const { sessionId: b } = await second;
    await answered();
    expect(location.pathname).to.equal(`${testBasePath}/c/${b}`);

    // The focus is in the chat (the composer) when the user goes Back.
    expect(app.matches(':focus-within')).to.equal(true);
    history.back();
    await oneEvent(window, 'popstate');
    await app.updateComplete;
    expect(location.pathname).to.equal(`${testBasePath}/c/${a}`);
    await until(() => messageText(messages()[0]!).includes('First conversation'), 'conversation A');
    await until(() => app.shadowRoot!.activeElement === shadow(app, '.title'), 'the focus on the title');
    await until(() => shadow(sidebar(), 'a[aria-current="page"]').dataset.session === a, 'A highlighted');

    history.forward();
    await oneEvent(window, 'popstate');
    await app.updateComplete;
    expect(location.pathname).to.equal(`${testBasePath}/c/${b}`);
    await until(() => messageText(messages()[0]!).includes('Second conversation'), 'conversation B');
  });

  it('opens a deep link to a stored conversation with its history', async () => {
    const url = await serverUrl();
    const userId = uniqueUserId();
    const token = await tokenFor(userId);
    const client = new ChatClient({ baseUrl: url, getToken: () => token, broadcastChannel: false });
    const conversation = client.conversation();
    await conversation.send('A message from before');
    client.close();
    history.replaceState(null, '', `${testBasePath}/c/${conversation.sessionId}`);
    const { messages, sidebar } = await createApp({ userId });
    await until(() => messages().length === 2, 'the history');
    expect(messageText(messages()[0]!)).to.contain('A message from before');
    await until(
      () => shadowAll(sidebar(), 'a[aria-current="page"]').length === 1,
      'the current conversation',
    );
  });

  it('starts a model-specific conversation at /m/{modelId}/new and lists it under the model', async () => {
    const { app, send, answered, sidebar } = await createApp();
    await until(() => shadowAll(sidebar(), '[part="model-new-chat-button"]').length > 0, 'the models');
    const button = shadowAll<HTMLButtonElement>(sidebar(), '[part="model-new-chat-button"]')[0]!;
    const modelRow = button.closest('li')!;
    button.click();
    await app.updateComplete;
    const match = /\/m\/([^/]+)\/new$/.exec(location.pathname);
    expect(match, location.pathname).to.not.equal(null);
    const modelId = decodeURIComponent(match![1]!);
    const created = whenCreated(app);
    await send('Hello model');
    const detail = await created;
    expect(detail.modelId).to.equal(modelId);
    expect(detail.path).to.equal(`${testBasePath}/m/${encodeURIComponent(modelId)}/c/${detail.sessionId}`);
    await answered();
    (modelRow.querySelector('.model-toggle') as HTMLButtonElement).click();
    await until(
      () => modelRow.querySelectorAll(`a[data-session="${detail.sessionId}"]`).length === 1,
      'the conversation under its model',
    );
  });

  it('keeps routes in the fragment in hash mode', async () => {
    const { app, newChat, send, answered } = await createApp({ routing: 'hash' });
    const path = location.pathname;
    newChat();
    await app.updateComplete;
    expect(location.hash).to.equal('#/new');
    const created = whenCreated(app);
    await send('Hash mode');
    const { sessionId, hash } = await created;
    expect(hash).to.equal(`#/c/${sessionId}`);
    expect(location.pathname).to.equal(path);
    await answered();
    // A link with a fragment, as a user would follow it.
    location.hash = '#/new';
    await oneEvent(window, 'hashchange');
    await app.updateComplete;
    expect(app.router?.route).to.deep.equal({ kind: 'new', modelId: null });
  });

  it('never changes the URL in memory mode', async () => {
    const { app, newChat, send, answered } = await createApp({ routing: 'memory' });
    const before = location.href;
    const length = history.length;
    newChat();
    const created = whenCreated(app);
    await send('Memory mode');
    const { sessionId, href } = await created;
    await answered();
    expect(href).to.equal(before);
    expect(location.href).to.equal(before);
    expect(history.length).to.equal(length);
    expect(app.router?.route).to.deep.equal({ kind: 'conversation', sessionId, modelId: null });
    expect(before).to.equal(originalUrl);
  });

  it('stops an answer and keeps what was written', async () => {
    const { send, messages, composer } = await createApp();
    await send('Write a long answer please');
    await until(() => {
      const last = messages().at(-1) as HTMLElement & { message?: { content: string } };
      return (last?.message?.content.length ?? 0) > 10;
    }, 'some tokens');
    shadow<HTMLButtonElement>(composer(), '[part="stop-button"]').click();
    await until(() => {
      const last = messages().at(-1) as HTMLElement & { message?: { status: string } };
      return last?.message?.status === 'partial';
    }, 'the stopped answer');
    await until(() => messageText(messages().at(-1)!).includes('Stopped'), 'the note');
    await until(() => shadowAll(composer(), '[part="send-button"]').length === 1, 'the send button back');
  });

  it('shows a failed turn with Retry, and Retry sends it again with the same Idempotency-Key', async () => {
    const url = await serverUrl();
    const token = await tokenFor(uniqueUserId());
    let failures = 1;
    const keys: (string | null)[] = [];
    const client = new ChatClient({
      baseUrl: url,
      getToken: () => token,
      broadcastChannel: false,
      fetch: (input, init) => {
        if (input.endsWith('/api/chat/stream-new'))
          keys.push(new Headers(init.headers).get('Idempotency-Key'));
        if (input.endsWith('/api/chat/stream-new') && failures-- > 0) {
          const body = {
            error: { code: 'database_unavailable', message: 'The database is busy. Try again.' },
          };
          return Promise.resolve(Response.json(body, { status: 503 }));
        }
        return fetch(input, init);
      },
    });
    const { app } = await createApp();
    app.client = client;
    await app.updateComplete;
    const { send, conversation, messages } = parts(app);
    await send('Try this');
    await until(() => conversation().shadowRoot!.querySelector('chat-alert'), 'the error');
    const alert = shadow(conversation(), 'chat-alert');
    expect(text(shadow(alert, '.alert'))).to.contain('The database is busy. Try again.');
    shadow<HTMLButtonElement>(alert, '[part="retry-button"]').click();
    await until(() => {
      const last = messages().at(-1) as HTMLElement & { message?: { status: string } };
      return last?.message?.status === 'complete';
    }, 'the answer of the retried turn');
    expect(messages()).to.have.length(2);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(conversation().shadowRoot!.querySelector('chat-alert')).to.equal(null);
    client.close();
  });

  it('renders each token without re-rendering the earlier messages', async () => {
    const { send, answered, messages } = await createApp();
    await send('First');
    await answered();
    const earlier = messages();
    const updates = earlier.map(() => 0);
    earlier.forEach((element, index) => {
      const target = element as unknown as { update(changed: unknown): void };
      const update = target.update.bind(target);
      target.update = (changed) => {
        updates[index]! += 1;
        update(changed);
      };
    });
    await send('Second');
    await answered();
    expect(messages()).to.have.length(4);
    expect(updates).to.deep.equal([0, 0]);
  });

  it('becomes a drawer at 360 px, opened and closed from the keyboard', async () => {
    const { app, sidebar } = await createApp({ width: '360px' });
    const menu = shadow<HTMLButtonElement>(app, '.menu');
    expect(getComputedStyle(menu).display).to.not.equal('none');
    expect(getComputedStyle(sidebar()).visibility).to.equal('hidden');
    menu.click();
    await app.updateComplete;
    await (sidebar() as unknown as ChatApp).updateComplete;
    expect(menu.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(sidebar()).visibility).to.equal('visible');
    expect(app.shadowRoot!.activeElement).to.equal(sidebar());
    sidebar().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await app.updateComplete;
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    expect(app.shadowRoot!.activeElement).to.equal(menu);
    await expect(app).to.be.accessible();
  });

  it('is themed light or dark by attribute and by tokens', async () => {
    const { app } = await createApp();
    expect(getComputedStyle(app).backgroundColor).to.equal('rgb(255, 255, 255)');
    app.theme = 'dark';
    await app.updateComplete;
    expect(getComputedStyle(app).backgroundColor).to.equal('rgb(22, 24, 29)');
    app.style.setProperty('--parley-color-background', 'rgb(1, 2, 3)');
    expect(getComputedStyle(app).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('chats as a guest with a token from the server, kept for the next visit', async () => {
    const url = await serverUrl();
    const key = `parley-guest-token:${url}`;
    localStorage.removeItem(key);
    const app = await fixture<ChatApp>(
      html`<chat-app style="height: 600px" base-url=${url} routing="memory" guest></chat-app>`,
    );
    const { send, answered } = parts(app);
    const created = whenCreated(app);
    await send('Hello as a guest');
    const { sessionId } = await created;
    await answered();
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as { token: string } | null;
    expect(saved?.token).to.be.a('string');
    const [row] = await query<{ user_id: string }>('SELECT user_id FROM chat_sessions WHERE id = $1', [
      sessionId,
    ]);
    expect(row?.user_id).to.match(/^guest_/);
    localStorage.removeItem(key);
  });

  it('shows replaced strings', async () => {
    const { app, sidebar } = await createApp();
    app.strings = { newChat: 'Nouvelle discussion', composerPlaceholder: 'Écrivez…' };
    await app.updateComplete;
    await (sidebar() as unknown as ChatApp).updateComplete;
    expect(text(shadow(sidebar(), '.new-chat'))).to.equal('Nouvelle discussion');
    await until(
      () =>
        deep(app, 'chat-conversation', 'chat-composer', 'textarea').getAttribute('placeholder') ===
        'Écrivez…',
      'the placeholder',
    );
  });
});
