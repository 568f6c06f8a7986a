import { expect, fixture, html } from '@open-wc/testing';
import { ChatClient } from '@parley/sdk';
import '../test-support/lit-warnings';
import { parts } from '../test-support/app-fixture';
import { deep, shadow, text, until } from '../test-support/dom';
import '../test-support/location';
import { serverUrl, tokenFor, uniqueUserId } from '../test-support/test-server';
import { sidebarStrings } from '../strings/sidebar-strings';
import type { ChatApp } from './chat-app.component';

const guestKey = (url: string) => `parley-guest-token:${url}`;

async function getJson<T>(path: string): Promise<T> {
  return (await (await fetch(path)).json()) as T;
}

/** A proxy to the test server that counts the guest tokens minted through it. */
async function countedServer() {
  const { url, id } = await getJson<{ url: string; id: number }>('/__parley/counted');
  return { url, minted: async () => (await getJson<{ count: number }>(`/__parley/counted?id=${id}`)).count };
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** A page of its own (its own scripts, the same storage) with `<chat-app guest>`, like a tab. */
function openTab(baseUrl: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.src = `/src/test-support/guest-page.html?base-url=${encodeURIComponent(baseUrl)}`;
  frame.style.cssText = 'width: 900px; height: 420px';
  frames.push(frame);
  document.body.append(frame);
  return frame;
}

/** Resolves when the frame's next document has loaded and its sidebar listed the guest's conversations. */
async function listed(frame: HTMLIFrameElement): Promise<void> {
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const empty = () => {
    const app = frame.contentDocument?.querySelector('chat-app');
    const status = app?.shadowRoot
      ?.querySelector('chat-sidebar')
      ?.shadowRoot?.querySelector('section .status');
    return status && text(status) === sidebarStrings.noConversations;
  };
  await until(empty, 'the guest sidebar to be listed');
}

/** An HS256 JWT signed with a secret the server does not know, as after the server's secret changed. */
async function tokenSignedElsewhere(claims: object): Promise<string> {
  const encode = (bytes: Uint8Array) =>
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const part = (value: object) => encode(new TextEncoder().encode(JSON.stringify(value)));
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode('a-secret-this-server-has-never-seen-before'),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(unsigned));
  return `${unsigned}.${encode(new Uint8Array(signature))}`;
}

describe('<chat-app guest>', () => {
  it('mints one guest token per visit: two tabs opening at once, a reload, one more tab', async () => {
    const { url, minted } = await countedServer();
    localStorage.removeItem(guestKey(url));
    const first = openTab(url);
    const second = openTab(url);
    await Promise.all([listed(first), listed(second)]);
    expect(await minted()).to.equal(1);
    const reloaded = listed(first);
    first.contentWindow!.location.reload();
    await reloaded;
    const third = openTab(url);
    await listed(third);
    expect(await minted()).to.equal(1);
    localStorage.removeItem(guestKey(url));
  });

  it('renews a kept token past half its life: the same guest, no new one', async () => {
    const { url, minted } = await countedServer();
    const guest = (await (await fetch(`${url}/api/auth/guest`, { method: 'POST' })).json()) as {
      token: string;
      user_id: string;
      expires_at: string;
    };
    const halfway = new Date(Date.now() - 1000).toISOString();
    localStorage.setItem(guestKey(url), JSON.stringify({ ...guest, renew_at: halfway }));
    await listed(openTab(url));
    const saved = JSON.parse(localStorage.getItem(guestKey(url)) ?? 'null') as {
      user_id: string;
      renew_at: string;
    };
    expect(saved.user_id).to.equal(guest.user_id);
    expect(Date.parse(saved.renew_at)).to.be.greaterThan(Date.now());
    // The first mint above, then one renewal: no new guest.
    expect(await minted()).to.equal(2);
    localStorage.removeItem(guestKey(url));
  });

  it('tells a guest whose token is refused that the session expired, and goes on as a new guest', async () => {
    const url = await serverUrl();
    // A conversation of the guest, from before the server's secret changed.
    const formerGuest = `guest_${uniqueUserId()}`;
    const former = new ChatClient({ baseUrl: url, getToken: () => tokenFor(formerGuest) });
    const kept = former.conversation({ modelId: null });
    await kept.send('Hello before the restart');
    const sessionId = kept.sessionId!;
    former.close();
    const now = Math.floor(Date.now() / 1000);
    const refused = await tokenSignedElsewhere({ sub: formerGuest, guest: true, iat: now, exp: now + 3600 });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    localStorage.setItem(
      guestKey(url),
      JSON.stringify({ token: refused, user_id: formerGuest, expires_at: later, renew_at: later }),
    );
    history.replaceState(null, '', `#/c/${sessionId}`);
    const app = await fixture<ChatApp>(
      html`<chat-app style="height: 600px" base-url=${url} routing="hash" guest></chat-app>`,
    );
    const alert = () =>
      app.shadowRoot?.querySelector('chat-conversation')?.shadowRoot?.querySelector('chat-alert');
    await until(() => alert(), 'the alert');
    const shown = text(shadow(alert()!, '[role="alert"]'));
    expect(shown).to.match(/session has expired/i);
    expect(shown).to.not.match(/no such conversation/i);
    const saved = JSON.parse(localStorage.getItem(guestKey(url)) ?? 'null') as {
      token: string;
      user_id: string;
    };
    expect(saved.token).to.not.equal(refused);
    expect(saved.user_id)
      .to.match(/^guest_/)
      .and.not.equal(formerGuest);
    // The new guest chats from a new conversation.
    deep(app, 'chat-sidebar', '.new-chat').click();
    const { send, answered, messages } = parts(app);
    await send('Hello again');
    await answered();
    expect(messages().length).to.equal(2);
    localStorage.removeItem(guestKey(url));
  });

  it('tells a guest over the limit to wait the seconds the server said, not to sign in', async () => {
    const { url } = await getJson<{ url: string }>('/__parley/no-guests');
    localStorage.removeItem(guestKey(url));
    const app = await fixture<ChatApp>(
      html`<chat-app style="height: 600px" base-url=${url} routing="memory" guest></chat-app>`,
    );
    const { send } = parts(app);
    await send('Hello');
    const alert = () =>
      app.shadowRoot?.querySelector('chat-conversation')?.shadowRoot?.querySelector('chat-alert');
    await until(() => alert(), 'the alert');
    const shown = text(shadow(alert()!, '[role="alert"]'));
    expect(shown).to.match(/wait \d+ seconds/i);
    expect(shown).to.not.match(/sign in/i);
    await until(
      () => app.shadowRoot?.querySelector('chat-sidebar')?.shadowRoot?.querySelector('.error'),
      'the sidebar error',
    );
    const sidebarError = text(shadow(shadow(app, 'chat-sidebar'), '.error'));
    expect(sidebarError).to.match(/wait \d+ seconds/i);
    expect(sidebarError).to.not.match(/sign in/i);
  });
});
