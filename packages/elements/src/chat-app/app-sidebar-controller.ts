import { ContextProvider } from '@lit/context';
import type { ChatClient } from '@parley/sdk';
import { adoptStyles, html, type LitElement, nothing, type ReactiveController } from 'lit';
import { chatClientContext } from '../context/chat-client-context';
import { chatRouterContext } from '../context/chat-router-context';
import type { ChatRouter } from '../routing/chat-router';
import { closeIcon } from '../chat-sidebar/sidebar-icons';
import type { ConversationStrings } from '../strings/conversation-strings';
import { appSidebarStyles } from './app-sidebar.styles';
import type { ChatApp } from './chat-app.component';

/** Wider than this, the sidebar sits beside the conversation; narrower, it is a drawer. */
const drawerWidth = 760;

/** What the controller reads from its `<chat-app>`. */
export interface AppSidebarSource {
  client: () => ChatClient | undefined;
  router: () => ChatRouter | undefined;
}

/**
 * The sidebar half of `<chat-app>`: it provides the app's client and router to the elements inside
 * it (`chatClientContext`, `chatRouterContext`), renders the `<chat-sidebar>`, and runs it as a
 * drawer on narrow screens. It comes with the deferred parts, so the first answer never waits for
 * it; the app renders the sidebar only once the providers exist, so the sidebar's first context
 * request always finds them.
 */
export class AppSidebarController implements ReactiveController {
  readonly #host: ChatApp;
  readonly #source: AppSidebarSource;
  readonly #clientProvider: ContextProvider<typeof chatClientContext>;
  readonly #routerProvider: ContextProvider<typeof chatRouterContext>;
  #drawerOpen = false;
  #styled = false;
  readonly #resizeObserver = new ResizeObserver(([entry]) => {
    if (this.#drawerOpen && entry && entry.contentRect.width > drawerWidth) this.closeDrawer(false);
  });

  constructor(host: ChatApp, source: AppSidebarSource) {
    this.#host = host;
    this.#source = source;
    this.#clientProvider = new ContextProvider(host, {
      context: chatClientContext,
      initialValue: source.client(),
    });
    this.#routerProvider = new ContextProvider(host, {
      context: chatRouterContext,
      initialValue: source.router(),
    });
    host.addController(this);
  }

  /** The sidebar is open over the conversation (narrow screens only). */
  get drawerOpen(): boolean {
    return this.#drawerOpen;
  }

  hostConnected(): void {
    const root = this.#host.renderRoot;
    if (!this.#styled && root instanceof ShadowRoot) {
      this.#styled = true;
      adoptStyles(root, [...(this.#host.constructor as typeof LitElement).elementStyles, appSidebarStyles]);
    }
    this.#resizeObserver.observe(this.#host);
    this.#host.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    this.#resizeObserver.disconnect();
    this.#host.removeEventListener('keydown', this.#onKeyDown);
  }

  hostUpdate(): void {
    this.#clientProvider.setValue(this.#source.client());
    this.#routerProvider.setValue(this.#source.router());
  }

  /** The `<chat-sidebar>` with its close button, and the backdrop of the drawer. */
  render(strings: ConversationStrings, language: { lang: string; dir: string }) {
    const host = this.#host;
    return html`<chat-sidebar id="sidebar" class="sidebar" part="sidebar"
        exportparts="base: sidebar-base, new-chat-button, model, model-new-chat-button, conversation: sidebar-conversation, current, group-heading"
        theme=${host.theme} lang=${language.lang || nothing} dir=${language.dir}
        model-id=${host.modelId ?? nothing} .strings=${host.strings}>
        <button slot="header" type="button" class="icon close" aria-label=${strings.closeSidebar}
          title=${strings.closeSidebar} @click=${() => this.closeDrawer()}>${closeIcon}</button>
      </chat-sidebar>
      <div class="backdrop" @click=${() => this.closeDrawer()}></div>`;
  }

  /** Opens the drawer and moves the focus into it. */
  openDrawer(): void {
    this.#setDrawerOpen(true);
    this.#host.updateComplete.then(() =>
      this.#host.renderRoot.querySelector<HTMLElement>('chat-sidebar')?.focus(),
    );
  }

  /** Closes the drawer; the focus goes back to the menu button unless the caller moves it elsewhere. */
  closeDrawer(focusMenu = true): void {
    if (!this.#drawerOpen) return;
    this.#setDrawerOpen(false);
    if (focusMenu) {
      this.#host.updateComplete.then(() =>
        this.#host.renderRoot.querySelector<HTMLElement>('.menu')?.focus(),
      );
    }
  }

  #setDrawerOpen(open: boolean): void {
    this.#drawerOpen = open;
    this.#host.requestUpdate();
  }

  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.#drawerOpen) {
      event.stopPropagation();
      this.closeDrawer();
    }
  };
}
