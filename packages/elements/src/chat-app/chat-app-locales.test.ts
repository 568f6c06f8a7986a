import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../test-support/lit-warnings';
import { accessibilityTree, hasRole, namesOf, untilRole } from '../test-support/accessibility';
import { createApp } from '../test-support/app-fixture';
import { deep, shadow, text, until } from '../test-support/dom';
import { testBasePath } from '../test-support/location';
import { serverUrl, tokenFor, uniqueUserId } from '../test-support/test-server';
import { localeCodes } from '../strings/locale-codes';
import type { LocalePack } from '../strings/locale-pack';
import { loadedLocalePack, loadLocalePack, type TranslatedLocale } from '../strings/load-locale-pack';
import en from '../strings/locales/en';
import type { ChatApp } from './chat-app.component';

const packFor = (code: string): Promise<LocalePack> =>
  code === 'en' ? Promise.resolve(en) : loadLocalePack(code as TranslatedLocale);

/** A `<chat-app>` placed by `around` (to give it ancestors), against the real server, with its sidebar. */
async function appIn(around: (app: TemplateResult) => TemplateResult): Promise<ChatApp> {
  const url = await serverUrl();
  const token = await tokenFor(uniqueUserId());
  const app = html`<chat-app base-url=${url} token=${token} base-path=${testBasePath}></chat-app>`;
  const root = await fixture<HTMLElement>(
    html`<div style="width: 1100px; height: 640px">${around(app)}</div>`,
  );
  const element = root.querySelector('chat-app') as ChatApp;
  await element.updateComplete;
  await until(() => element.shadowRoot?.querySelector('chat-sidebar'), 'the sidebar');
  return element;
}

const composerLabel = (app: ChatApp) =>
  deep(app, 'chat-conversation', 'chat-composer', 'textarea').getAttribute('aria-label');
const sidebarNewChat = (app: ChatApp) => text(deep(app, 'chat-sidebar', '.new-chat'));

// First, while no pack has loaded in this page yet (each test file has a page of its own).
describe('<chat-app> before its pack has loaded', () => {
  it('renders its first frame in the language of `lang`, not in English first', async () => {
    expect(loadedLocalePack('sv'), 'no Swedish yet').to.equal(undefined);
    const host = await fixture<HTMLElement>(html`<div style="width: 1100px; height: 640px"></div>`);
    const app = document.createElement('chat-app') as ChatApp;
    app.baseUrl = await serverUrl();
    app.basePath = testBasePath;
    app.setAttribute('lang', 'sv');
    host.append(app);
    await app.updateComplete;
    expect(text(shadow(app, '.title'))).to.equal('Ny chatt');
    expect(composerLabel(app)).to.equal('Meddelande');
  });

  it('keeps the language asked for last when an earlier pack arrives after it', async () => {
    expect(loadedLocalePack('ko'), 'no Korean yet').to.equal(undefined);
    await loadLocalePack('vi');
    const app = await appIn((app) => app);
    app.lang = 'ko';
    // The observer sees "ko" (a microtask) and starts loading its pack before the next change.
    await Promise.resolve();
    app.lang = 'vi';
    await until(() => composerLabel(app) === 'Tin nhắn', 'Vietnamese');
    await loadLocalePack('ko');
    await app.updateComplete;
    expect(composerLabel(app)).to.equal('Tin nhắn');
  });
});

describe('<chat-app> in every language', () => {
  for (const code of localeCodes) {
    it(`speaks ${code}: its controls have the pack's accessible names`, async () => {
      const { app } = await createApp({ lang: code });
      const { strings, direction } = await packFor(code);
      const nav = () => app.shadowRoot?.querySelector('chat-sidebar')?.shadowRoot?.querySelector('nav');
      await until(() => nav()?.textContent?.includes(strings.noConversations), 'the list');
      const tree = await accessibilityTree();
      const expected: [string, string][] = [
        ['textbox', strings.composerLabel],
        ['button', strings.send],
        ['navigation', strings.sidebarLabel],
        ['button', strings.newChat],
        ['log', strings.messagesLabel],
        ['heading', strings.emptyConversationTitle],
      ];
      for (const [role, name] of expected) {
        expect(hasRole(tree, role, name), `a ${role} named "${name}" among ${namesOf(tree, role)}`).to.equal(
          true,
        );
      }
      expect(shadow(app, '.layout').getAttribute('dir')).to.equal(direction);
    });
  }
});

describe('<chat-app> finds its language', () => {
  const pageLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (pageLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', pageLang);
  });

  it("in the page's <html lang> when it has none of its own", async () => {
    document.documentElement.lang = 'de-CH';
    const app = await appIn((app) => app);
    expect(composerLabel(app)).to.equal('Nachricht');
    await untilRole('button', 'Neuer Chat');
  });

  it('in the nearest ancestor with a lang, before the page', async () => {
    document.documentElement.lang = 'de';
    const app = await appIn((app) => html`<section lang="fr"><div>${app}</div></section>`);
    expect(composerLabel(app)).to.equal('Message');
    expect(sidebarNewChat(app)).to.equal('Nouvelle discussion');
  });

  it('in its own lang before any ancestor', async () => {
    const app = await appIn((app) => html`<div lang="fr">${app}</div>`);
    app.setAttribute('lang', 'it');
    await until(() => composerLabel(app) === 'Messaggio', 'Italian');
  });

  it('falling back by language, script and region, and to English', async () => {
    const cases: [string, string][] = [
      ['pt', 'Mensagem'], // pt-BR
      ['pt-PT', 'Mensagem'],
      ['zh-HK', '訊息'], // zh-TW
      ['zh-Hant', '訊息'],
      ['zh', '消息'], // zh-CN
      ['de-AT', 'Nachricht'],
      ['iw', 'הודעה'], // he
      ['nb-NO', 'Message'], // no pack: English
      ['', 'Message'],
    ];
    const app = await appIn((app) => app);
    for (const [lang, label] of cases) {
      app.setAttribute('lang', lang);
      await until(() => composerLabel(app) === label, `${label} for lang="${lang}"`);
    }
  });
});

describe('<chat-app> changes language at run time', () => {
  it('when its lang changes, sidebar included, and back to English', async () => {
    const { app } = await createApp({ lang: 'de' });
    await untilRole('button', 'Senden');
    app.lang = 'fr';
    await untilRole('button', 'Envoyer');
    await untilRole('navigation', 'Discussions');
    expect(text(shadow(app, '.title'))).to.equal('Nouvelle discussion');
    app.removeAttribute('lang');
    await untilRole('button', 'Send');
    await untilRole('navigation', 'Conversations');
  });

  it('when an ancestor’s lang changes, and turns to right to left with Arabic', async () => {
    const app = await appIn((app) => html`<div lang="es">${app}</div>`);
    const wrapper = app.parentElement!;
    await untilRole('button', 'Enviar');
    wrapper.lang = 'ar';
    await untilRole('button', 'إرسال');
    expect(shadow(app, '.layout').getAttribute('dir')).to.equal('rtl');
    expect(app.shadowRoot!.querySelector('chat-sidebar')!.getAttribute('dir')).to.equal('rtl');
    wrapper.lang = 'en';
    await untilRole('button', 'Send');
    expect(shadow(app, '.layout').getAttribute('dir')).to.equal('ltr');
  });
});

describe('<chat-app> strings', () => {
  it('win over the pack, one string at a time, in the conversation and the sidebar', async () => {
    const { app } = await createApp({ lang: 'de' });
    app.strings = { send: 'Abschicken', newChat: 'Neues Gespräch' };
    await untilRole('button', 'Abschicken');
    const tree = await accessibilityTree();
    expect(hasRole(tree, 'textbox', 'Nachricht'), 'the rest stays German').to.equal(true);
    expect(namesOf(tree, 'button')).to.include('Neues Gespräch');
    // Still on top after a change of language.
    app.lang = 'nl';
    await untilRole('textbox', 'Bericht');
    expect(hasRole(await accessibilityTree(), 'button', 'Abschicken')).to.equal(true);
  });
});
