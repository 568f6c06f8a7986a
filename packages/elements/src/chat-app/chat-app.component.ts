import { type ChatRoute, ChatClient, type Conversation, type TokenProvider } from '@parley/sdk';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { ChatConversation } from '../chat-conversation/chat-conversation.component';
import { LocaleController } from '../controllers/locale-controller';
import { SubscriptionController } from '../controllers/subscription-controller';
import { loadedDeferredParts, loadDeferredParts } from '../deferred/load-deferred-parts';
import { ChatConversationCreatedEvent } from '../events/chat-conversation-created';
import { ChatRouter, type RouteChangeCause, type RoutingMode } from '../routing/chat-router';
import { baseStyles } from '../shared/base-styles';
import { menuIcon } from '../shared/icons';
import { version } from '../shared/version';
import type { ChatStrings } from '../strings/chat-strings';
import { type ConversationStrings, conversationStrings } from '../strings/conversation-strings';
import { type ChatTheme, themeStyles } from '../themes/theme-styles';
import type { AppSidebarController } from './app-sidebar-controller';
import { appStyles } from './chat-app.styles';

/**
 * @summary The whole chat: the sidebar of conversations, the conversation, and the composer. Add it
 * to a page with one script tag; it talks to a Parley server.
 *
 * "New chat" opens `/new` (or `/m/{modelId}/new`) without a page load and without a request: the
 * conversation is stored when its first message is sent, and the URL becomes `/c/{id}` as soon as
 * the server says so. It creates a `ChatClient` and provides it (with `chatClientContext`) to the
 * elements inside it. The sidebar arrives just after the conversation (in the embed, it is a chunk
 * of its own that the first answer does not wait for).
 *
 * @example
 * ```html
 * <script type="module" src="https://chat.example.com/embed.js"></script>
 * <chat-app base-url="https://chat.example.com" routing="hash"></chat-app>
 * <script>
 *   document.querySelector('chat-app').getToken = () => fetch('/my-chat-token').then((r) => r.text());
 * </script>
 * ```
 *
 * @tag chat-app
 *
 * @attr lang - The language of its texts; without it, the nearest `lang` above it (`<html lang>`).
 * Each language's pack loads on its own, only when used; see `resolveLocale` for the fallbacks
 * (`pt` → `pt-BR`, `zh-HK` → `zh-TW`, an unknown language → English). It can change at any time.
 * @attr dir - Set it to fix the direction; without it, the language's (`rtl` for Arabic and Hebrew).
 *
 * @fires {ChatConversationCreatedEvent} chat-conversation-created - When the first message has
 * created the conversation, with `detail.sessionId` and `detail.modelId`.
 * @fires {ChatNavigateEvent} chat-navigate - Before the sidebar navigates. Cancelable.
 * @fires {ChatSendEvent} chat-send - Before a message is sent. Cancelable.
 *
 * @csspart base - The grid holding the sidebar and the conversation.
 * @csspart sidebar - The `<chat-sidebar>`.
 * @csspart header - The bar above the conversation, with its title.
 * @csspart conversation - The `<chat-conversation>`.
 * @csspart menu-button - The button that opens the sidebar on narrow screens.
 * @csspart bubble - Passed on from the conversation, like all of `<chat-conversation>`'s parts:
 * `messages`, `empty`, `alert`, `composer`, `status`, `deleted`, `log`, `jump-button`, `message`, `bubble`,
 * `answer`, `content`, `note`,
 * `tool`, `tool-base`, `alert-base`, `retry-button`, `composer-base`, `textarea`, `send-button`,
 * `stop-button`.
 * @csspart sidebar-conversation - Passed on from the sidebar (its `conversation`), like its other parts:
 * `sidebar-base` (its `base`), `new-chat-button`, `model`, `model-new-chat-button`, `current`,
 * `group-heading`.
 *
 * @cssproperty [--parley-color-background=#ffffff] - Background of the conversation.
 * @cssproperty [--parley-color-surface=#f6f7f9] - Background of the sidebar and tool indicators.
 * @cssproperty [--parley-color-surface-raised=#eef1f5] - Background of the user's messages.
 * @cssproperty [--parley-color-text=#16181d] - Text.
 * @cssproperty [--parley-color-text-muted=#5b6270] - Secondary text.
 * @cssproperty [--parley-color-border=#dde1e7] - Borders.
 * @cssproperty [--parley-color-accent=#2754c5] - The send button and links.
 * @cssproperty [--parley-color-accent-text=#ffffff] - Text on the accent colour.
 * @cssproperty [--parley-color-hover=rgb(22 24 29 / 6%)] - A row or button under the pointer.
 * @cssproperty [--parley-color-selected=rgb(39 84 197 / 12%)] - The current conversation in the sidebar.
 * @cssproperty [--parley-color-danger=#b42318] - Errors.
 * @cssproperty [--parley-color-focus=#2754c5] - Focus rings.
 * @cssproperty [--parley-color-code-background=#f1f3f6] - Code in answers.
 * @cssproperty [--parley-color-backdrop=rgb(15 17 21 / 40%)] - Behind the open drawer.
 * @cssproperty [--parley-font-family=system-ui] - The font.
 * @cssproperty [--parley-font-family-code=ui-monospace] - The font of code.
 * @cssproperty [--parley-font-size=15px] - The base font size.
 * @cssproperty [--parley-radius=10px] - Corner radius.
 * @cssproperty [--parley-sidebar-width=272px] - Width of the sidebar beside the conversation.
 * @cssproperty [--parley-content-width=46rem] - Widest line of messages.
 */
export class ChatApp extends LitElement {
  static readonly version = version;
  static override styles = [baseStyles, themeStyles, appStyles];
  // Declared here, not with decorators, so that the embed carries no decorator code.
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    modelId: { attribute: 'model-id' },
    routing: {},
    basePath: { attribute: 'base-path' },
    token: {},
    getToken: { attribute: false },
    guest: { type: Boolean },
    client: { attribute: false },
    theme: { reflect: true },
    strings: { attribute: false },
    allowRemoteImages: { type: Boolean, attribute: 'allow-remote-images' },
    conversation: { state: true, attribute: false },
    guestReplaced: { state: true, attribute: false },
  };

  /** The chat server's origin (with its path prefix, if any). Empty: the page's own origin. */
  baseUrl = '';

  /** Chat with this model only: "New chat" and the sidebar are scoped to it. */
  modelId?: string;

  /** Where the route lives: `path` (History API), `hash` (`#/c/{id}`) or `memory` (the URL never changes). */
  routing: RoutingMode = 'path';

  /** The path the chat lives under in `path` mode, such as `/support`. */
  basePath = '';

  /** A fixed Bearer token, for quick demos. Prefer `getToken`: a token written in HTML is easy to leak. */
  token?: string;

  /**
   * Returns the Bearer token; called before each request, so it may fetch or refresh one.
   * After a 401 it is called with `{ refresh: true }`.
   */
  getToken?: TokenProvider;

  /**
   * Without `getToken` or `token`: chat as an anonymous guest, with a token from the server's
   * `POST /api/auth/guest`. One token serves the whole visit, every reload and tab: it is kept in
   * `localStorage` and renewed before it expires. If the server no longer accepts it, the visitor
   * becomes a new guest and is told that their session expired.
   */
  guest = false;

  /** A client to use instead of the one the app creates (to share it with your own code). */
  client?: ChatClient;

  /** `light`, `dark`, or the system's preference (`system`, the default). */
  theme: ChatTheme = 'system';

  /** Replacement texts, on top of the language's pack (see `lang`); see `ChatStrings`. */
  strings: Partial<ChatStrings> = {};

  /** Load remote images in answers. Off by default: an image can carry the conversation to its server. */
  allowRemoteImages = false;

  /** The conversation shown. */
  private conversation?: Conversation;
  /** The kept guest was refused or had expired, so its conversations are gone: say so. */
  private guestReplaced = false;

  get #conversationElement(): ChatConversation | null {
    return this.renderRoot.querySelector<ChatConversation>('chat-conversation');
  }

  /** The sidebar, its drawer, and the context it reads; see `AppSidebarController`. */
  #sidebar?: AppSidebarController;
  /** The client in use: the `client` property or the app's own. */
  #client?: ChatClient;
  /** The language's pack and direction, from `lang`. */
  readonly #locale = new LocaleController(this);
  /** The texts for the conversation, made again only when `strings` or the pack changes. */
  #conversationStrings: ConversationStrings = conversationStrings;
  #packStrings?: Partial<ChatStrings>;
  #ownClient?: ChatClient;
  /** The client that made the conversation shown. */
  #shownClient?: ChatClient;
  #router?: ChatRouter;
  #stopRouting?: () => void;
  readonly #watched = new WeakSet<Conversation>();

  constructor() {
    super();
    new SubscriptionController(
      this,
      () => this.conversation,
      (conversation, changed) => conversation.on('title', changed),
    );
  }

  /** The router: its `route` is the one shown. */
  get router(): ChatRouter | undefined {
    return this.#router;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#router?.connect();
    this.#addSidebar();
    // Back after a removal: make a new client (the old one was closed).
    if (this.hasUpdated && !this.client && !this.#ownClient) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#router?.disconnect();
    // Stop listening to other tabs; a new client is made if the element comes back.
    this.#ownClient?.close();
    this.#ownClient = undefined;
  }

  /** The first render waits for the language's pack (English needs none), so that no text flashes in English. */
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    const loading = this.hasUpdated ? undefined : this.#locale.loading;
    if (loading) return loading.then(() => super.scheduleUpdate());
    super.scheduleUpdate();
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new object would re-render every message below, so it is made only when the texts change.
    const pack = this.#locale.strings;
    if (changed.has('strings') || pack !== this.#packStrings) {
      this.#packStrings = pack;
      this.#conversationStrings = { ...conversationStrings, ...pack, ...this.strings };
    }
    const clientChanged = this.#updateClient(changed);
    const routerChanged = this.#updateRouter(changed);
    if ((clientChanged || routerChanged) && this.#router) this.#show(this.#router.route);
  }

  protected override render() {
    const strings = this.#conversationStrings;
    const title = this.conversation?.title ?? strings.newChat;
    const sidebar = this.#sidebar;
    const open = sidebar?.drawerOpen ?? false;
    const locale = this.#locale;
    return html`<div class="layout ${open ? 'open' : ''}" part="base" dir=${locale.direction}>
      ${sidebar ? sidebar.render(strings, { lang: locale.lang, dir: locale.direction }) : nothing}
      <div class="main" ?inert=${open}>
        <header class="topbar" part="header">
          <button type="button" class="icon menu" part="menu-button" aria-label=${strings.openSidebar}
            title=${strings.openSidebar} aria-controls=${sidebar ? 'sidebar' : nothing} ?disabled=${!sidebar}
            aria-expanded=${open ? 'true' : 'false'} @click=${() => sidebar?.openDrawer()}>${menuIcon}</button>
          <h2 class="title" tabindex="-1">${title}</h2>
        </header>
        <chat-conversation part="conversation"
          exportparts="messages, empty, alert, composer, status, deleted, log, jump-button, message, bubble, answer, content, note, tool, tool-base, alert-base, retry-button, composer-base, textarea, send-button, stop-button"
          .conversation=${this.conversation} .strings=${strings} .sessionExpired=${this.guestReplaced}
          @chat-new-chat=${() => this.#router?.navigate({ kind: 'new', modelId: this.modelId ?? null })}
          ?allow-remote-images=${this.allowRemoteImages}></chat-conversation>
      </div>
    </div>`;
  }

  /** Makes (or takes) the client; returns whether it changed. */
  #updateClient(changed: PropertyValues<this>): boolean {
    let client = this.client;
    if (!client) {
      if (this.#ownClient && changed.has('baseUrl')) {
        this.#ownClient.close();
        this.#ownClient = undefined;
      }
      if (!this.#ownClient) {
        const baseUrl = this.baseUrl;
        // Only guests need it: it comes with the deferred parts. One provider for all the
        // requests of a page load, however many start before the parts arrive.
        let guestToken: Promise<TokenProvider> | undefined;
        this.#ownClient = new ChatClient({
          baseUrl: baseUrl || undefined,
          getToken: async (options) => {
            if (this.getToken) return this.getToken(options);
            if (this.token) return this.token;
            if (!this.guest) return null;
            guestToken ??= loadDeferredParts().then((parts) =>
              parts.guestTokenProvider(baseUrl, {
                onReplaced: () => {
                  this.guestReplaced = true;
                },
              }),
            );
            return (await guestToken)(options);
          },
        });
        // Deletes and renames made on other devices reach the sidebar and the open conversation.
        this.#ownClient.sessions.follow();
      }
      client = this.#ownClient;
    } else if (this.#ownClient) {
      this.#ownClient.close();
      this.#ownClient = undefined;
    }
    if (client === this.#client) return false;
    this.#client = client;
    return true;
  }

  /** Makes the router for `routing`, `base-path` and `model-id`; returns whether it changed. */
  #updateRouter(changed: PropertyValues<this>): boolean {
    if (this.#router && !changed.has('routing') && !changed.has('basePath') && !changed.has('modelId'))
      return false;
    this.#stopRouting?.();
    this.#router?.disconnect();
    const router = new ChatRouter({
      mode: this.routing,
      basePath: this.basePath,
      fallback: { kind: 'new', modelId: this.modelId ?? null },
    });
    this.#router = router;
    if (this.isConnected) router.connect();
    this.#stopRouting = router.subscribe((route, cause) => this.#onRouteChange(route, cause));
    return true;
  }

  #onRouteChange(route: ChatRoute, cause: RouteChangeCause): void {
    this.#show(route);
    if (cause === 'history') {
      // Back/Forward: move to the title so the new place is announced, unless the focus is
      // elsewhere on the host page (never steal it from there).
      if (this.matches(':focus-within')) {
        this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.title')?.focus());
      }
      return;
    }
    if (cause !== 'push') return;
    // A choice in the sidebar: close the drawer and let the user type right away.
    this.#sidebar?.closeDrawer(false);
    this.updateComplete.then(() => this.#conversationElement?.focusComposer());
  }

  /** Shows the conversation of `route`: a stored one by id, or a new, ephemeral one. */
  #show(route: ChatRoute): void {
    const client = this.#client;
    if (!client) return;
    let conversation: Conversation;
    if (route.kind === 'conversation') {
      conversation = client.conversation({ sessionId: route.sessionId, modelId: route.modelId });
    } else {
      const modelId = route.modelId ?? this.modelId ?? null;
      const current = this.conversation;
      // An untouched new conversation can stay; anything sent starts afresh.
      const reusable =
        current?.status === 'ephemeral' &&
        current.messages.length === 0 &&
        current.modelId === modelId &&
        this.#watched.has(current) &&
        this.#shownClient === client;
      conversation = reusable ? current : client.conversation({ modelId });
    }
    this.#watch(conversation);
    this.#shownClient = client;
    this.conversation = conversation;
  }

  /** When a new conversation gets its id: the URL becomes its `/c/{id}`, and the host page is told. */
  #watch(conversation: Conversation): void {
    if (this.#watched.has(conversation)) return;
    this.#watched.add(conversation);
    if (!conversation.isEphemeral) return;
    conversation.on('conversation-created', ({ sessionId, modelId }) => {
      // Only the conversation on screen moves the URL; one left while it was being created does not,
      // nor one whose app has left the page.
      if (this.conversation === conversation && this.isConnected) {
        this.#router?.navigate(conversation.route, { replace: true });
      }
      this.dispatchEvent(new ChatConversationCreatedEvent({ sessionId, modelId }));
    });
  }

  /** Adds the sidebar once the deferred parts have loaded: at once if they already have. */
  #addSidebar(): void {
    if (this.#sidebar) return;
    const parts = loadedDeferredParts();
    if (!parts) {
      loadDeferredParts().then(() => this.#addSidebar());
      return;
    }
    this.#sidebar = new parts.AppSidebarController(this, {
      client: () => this.#client,
      router: () => this.#router,
    });
    this.requestUpdate();
  }
}
