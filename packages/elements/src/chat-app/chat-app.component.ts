import { ContextProvider } from '@lit/context';
import { type ChatRoute, ChatClient, type Conversation, type TokenProvider } from '@parley/sdk';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ChatConversation } from '../chat-conversation/chat-conversation.component';
import type { ChatSidebar } from '../chat-sidebar/chat-sidebar.component';
import { chatClientContext } from '../context/chat-client-context';
import { chatRouterContext } from '../context/chat-router-context';
import { SubscriptionController } from '../controllers/subscription-controller';
import { ChatConversationCreatedEvent } from '../events/chat-conversation-created';
import { ChatRouter, type RouteChangeCause, type RoutingMode } from '../routing/chat-router';
import { baseStyles } from '../shared/base-styles';
import { guestTokenProvider } from '../shared/guest-token';
import { closeIcon, menuIcon } from '../shared/icons';
import { version } from '../shared/version';
import { type ChatStrings, resolveStrings } from '../strings/chat-strings';
import { type ChatTheme, themeStyles } from '../themes/theme-styles';
import { appStyles } from './chat-app.styles';

/** Wider than this, the sidebar sits beside the conversation; narrower, it is a drawer. */
const drawerWidth = 760;

/**
 * @summary The whole chat: the sidebar of conversations, the conversation, and the composer. Add it
 * to a page with one script tag; it talks to a Parley server.
 *
 * "New chat" opens `/new` (or `/m/{modelId}/new`) without a page load and without a request: the
 * conversation is stored when its first message is sent, and the URL becomes `/c/{id}` as soon as
 * the server says so. It creates a `ChatClient` and provides it (with `chatClientContext`) to the
 * elements inside it.
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

  /** The chat server's origin (with its path prefix, if any). Empty: the page's own origin. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** Chat with this model only: "New chat" and the sidebar are scoped to it. */
  @property({ attribute: 'model-id' }) modelId?: string;

  /** Where the route lives: `path` (History API), `hash` (`#/c/{id}`) or `memory` (the URL never changes). */
  @property() routing: RoutingMode = 'path';

  /** The path the chat lives under in `path` mode, such as `/support`. */
  @property({ attribute: 'base-path' }) basePath = '';

  /** A fixed Bearer token, for quick demos. Prefer `getToken`: a token written in HTML is easy to leak. */
  @property() token?: string;

  /**
   * Returns the Bearer token; called before each request, so it may fetch or refresh one.
   * After a 401 it is called with `{ refresh: true }`.
   */
  @property({ attribute: false }) getToken?: TokenProvider;

  /**
   * Without `getToken` or `token`: chat as an anonymous guest, with a token from the server's
   * `POST /api/auth/guest` (kept in `localStorage` until it expires).
   */
  @property({ type: Boolean }) guest = false;

  /** A client to use instead of the one the app creates (to share it with your own code). */
  @property({ attribute: false }) client?: ChatClient;

  /** `light`, `dark`, or the system's preference (`system`, the default). */
  @property({ reflect: true }) theme: ChatTheme = 'system';

  /** Replacement texts, for other languages; see `ChatStrings`. */
  @property({ attribute: false }) strings: Partial<ChatStrings> = {};

  /** Load remote images in answers. Off by default: an image can carry the conversation to its server. */
  @property({ type: Boolean, attribute: 'allow-remote-images' }) allowRemoteImages = false;

  /** The conversation shown. */
  @state() private conversation?: Conversation;
  @state() private drawerOpen = false;

  @query('chat-conversation') private conversationElement?: ChatConversation;
  @query('chat-sidebar') private sidebar?: ChatSidebar;
  @query('.menu') private menuButton?: HTMLButtonElement;

  readonly #clientProvider = new ContextProvider(this, { context: chatClientContext });
  readonly #routerProvider = new ContextProvider(this, { context: chatRouterContext });
  #ownClient?: ChatClient;
  /** The client that made the conversation shown. */
  #shownClient?: ChatClient;
  #router?: ChatRouter;
  #stopRouting?: () => void;
  readonly #watched = new WeakSet<Conversation>();
  readonly #resizeObserver = new ResizeObserver(([entry]) => {
    if (this.drawerOpen && entry && entry.contentRect.width > drawerWidth) this.drawerOpen = false;
  });

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
    this.#resizeObserver.observe(this);
    // Back after a removal: make a new client (the old one was closed).
    if (this.hasUpdated && !this.client && !this.#ownClient) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#router?.disconnect();
    this.#resizeObserver.disconnect();
    // Stop listening to other tabs; a new client is made if the element comes back.
    this.#ownClient?.close();
    this.#ownClient = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const clientChanged = this.#updateClient(changed);
    const routerChanged = this.#updateRouter(changed);
    if ((clientChanged || routerChanged) && this.#router) this.#show(this.#router.route);
  }

  protected override render() {
    const strings = resolveStrings(this.strings);
    const title = this.conversation?.title ?? strings.newChat;
    return html`<div class="layout ${this.drawerOpen ? 'open' : ''}" part="base" @keydown=${this.#onKeyDown}>
      <chat-sidebar id="sidebar" class="sidebar" part="sidebar" theme=${this.theme} model-id=${this.modelId ?? nothing}
        .strings=${this.strings}>
        <button slot="header" type="button" class="icon close" aria-label=${strings.closeSidebar}
          title=${strings.closeSidebar} @click=${this.#closeDrawer}>${closeIcon}</button>
      </chat-sidebar>
      <div class="backdrop" @click=${this.#closeDrawer}></div>
      <div class="main" ?inert=${this.drawerOpen}>
        <header class="topbar" part="header">
          <button type="button" class="icon menu" part="menu-button" aria-label=${strings.openSidebar}
            title=${strings.openSidebar} aria-controls="sidebar" aria-expanded=${this.drawerOpen ? 'true' : 'false'}
            @click=${this.#openDrawer}>${menuIcon}</button>
          <h2 class="title">${title}</h2>
        </header>
        <chat-conversation part="conversation" .conversation=${this.conversation} .strings=${strings}
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
        const guestToken = guestTokenProvider(this.baseUrl);
        this.#ownClient = new ChatClient({
          baseUrl: this.baseUrl || undefined,
          getToken: (options) => {
            if (this.getToken) return this.getToken(options);
            if (this.token) return this.token;
            return this.guest ? guestToken(options) : null;
          },
        });
      }
      client = this.#ownClient;
    } else if (this.#ownClient) {
      this.#ownClient.close();
      this.#ownClient = undefined;
    }
    if (client === this.#clientProvider.value) return false;
    this.#clientProvider.setValue(client);
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
    this.#routerProvider.setValue(router);
    return true;
  }

  #onRouteChange(route: ChatRoute, cause: RouteChangeCause): void {
    this.#show(route);
    if (cause !== 'push') return;
    // A choice in the sidebar: close the drawer and let the user type right away.
    this.drawerOpen = false;
    this.updateComplete.then(() => this.conversationElement?.focusComposer());
  }

  /** Shows the conversation of `route`: a stored one by id, or a new, ephemeral one. */
  #show(route: ChatRoute): void {
    const client = this.#clientProvider.value;
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

  #openDrawer(): void {
    this.drawerOpen = true;
    this.updateComplete.then(() => this.sidebar?.focus());
  }

  #closeDrawer(): void {
    if (!this.drawerOpen) return;
    this.drawerOpen = false;
    this.updateComplete.then(() => this.menuButton?.focus());
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.drawerOpen) {
      event.stopPropagation();
      this.#closeDrawer();
    }
  }
}
