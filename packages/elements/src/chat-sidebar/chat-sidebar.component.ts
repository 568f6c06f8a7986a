import { consume } from '@lit/context';
import type { ChatClient, ChatRoute, Model, Session, SessionList } from '@parley/sdk';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { chatClientContext } from '../context/chat-client-context';
import { chatRouterContext } from '../context/chat-router-context';
import { LocaleController } from '../controllers/locale-controller';
import { SubscriptionController } from '../controllers/subscription-controller';
import { ChatNavigateEvent } from '../events/chat-navigate';
import { ChatRouter, type RoutingMode } from '../routing/chat-router';
import { baseStyles } from '../shared/base-styles';
import { pencilIcon, plusIcon, trashIcon } from './sidebar-icons';
import { version } from '../shared/version';
import { type ChatStrings, defaultStrings } from '../strings/chat-strings';
import { type ChatTheme, themeStyles } from '../themes/theme-styles';
import { sidebarStyles } from './chat-sidebar.styles';
import { groupSessions } from './group-sessions';

/** A conversation being renamed (from the title it had then) or about to be deleted. */
type Editing = { sessionId: string; action: 'rename' | 'delete'; title: string };

/**
 * @summary The conversations of the user: a general "New chat", the models with their own "New chat"
 * and conversations, and every conversation newest first, grouped by recency. The current one is
 * highlighted; each can be renamed or deleted; older ones load on scroll. It updates live as
 * conversations are created, titled, renamed or deleted, here or in another tab.
 *
 * Inside `<chat-app>` it shares the app's client and route. On its own, give it a `client` (or
 * provide one with `chatClientContext`) and the same `routing` and `base-path` as the chat.
 *
 * @tag chat-sidebar
 *
 * @attr lang - The language of its texts; without it, the nearest `lang` above it (as `<chat-app>`).
 * @attr dir - Set it to fix the direction; without it, the language's.
 *
 * @slot header - Extra controls beside the "New chat" button (`<chat-app>` puts its drawer's close button there).
 *
 * @fires {ChatNavigateEvent} chat-navigate - Before it navigates to a conversation or a new chat. Cancelable.
 *
 * @csspart base - The navigation landmark.
 * @csspart new-chat-button - The general "New chat" button.
 * @csspart model - Each model's row.
 * @csspart model-new-chat-button - A model's own "New chat" button.
 * @csspart conversation - Each conversation's row.
 * @csspart current - The current conversation's row (with `conversation`).
 * @csspart group-heading - A recency heading ("Today", "Yesterday", …).
 *
 * @cssproperty [--parley-color-surface=#f6f7f9] - Background of the sidebar.
 * @cssproperty [--parley-color-background=#ffffff] - Background of buttons and fields.
 * @cssproperty [--parley-color-text=#16181d] - Text.
 * @cssproperty [--parley-color-text-muted=#5b6270] - Headings and secondary text.
 * @cssproperty [--parley-color-border=#dde1e7] - Borders.
 * @cssproperty [--parley-color-hover=rgb(22 24 29 / 6%)] - A row under the pointer.
 * @cssproperty [--parley-color-selected=rgb(39 84 197 / 12%)] - The current conversation.
 * @cssproperty [--parley-color-focus=#2754c5] - Focus rings.
 * @cssproperty [--parley-color-danger=#b42318] - Errors and the delete confirmation.
 * @cssproperty [--parley-font-family=system-ui] - The font.
 * @cssproperty [--parley-font-size=15px] - The base font size.
 * @cssproperty [--parley-radius=10px] - Corner radius.
 */
export class ChatSidebar extends LitElement {
  static readonly version = version;
  static override styles = [baseStyles, themeStyles, sidebarStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  // Declared here, not with decorators, so that the embed carries no decorator code.
  static override properties = {
    client: { attribute: false },
    modelId: { attribute: 'model-id' },
    routing: {},
    basePath: { attribute: 'base-path' },
    theme: { reflect: true },
    strings: { attribute: false },
    providedClient: { state: true, attribute: false },
    providedRouter: { state: true, attribute: false },
    models: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    editing: { state: true, attribute: false },
    actionError: { state: true, attribute: false },
  };

  /** The client to list conversations with. Without it, the one provided by `<chat-app>` (context). */
  client?: ChatClient;

  /** Show only this model's conversations, and no models section. */
  modelId?: string;

  /** On its own: where the chat keeps its route (`path`, `hash` or `memory`). Inside `<chat-app>`, the app's. */
  routing: RoutingMode = 'path';

  /** On its own, in `path` mode: the path the chat lives under. */
  basePath = '';

  /** `light`, `dark`, or the system's preference (`system`, the default). */
  theme: ChatTheme = 'system';

  /** Replacement texts, on top of the language's pack (see `lang`); see `ChatStrings`. */
  strings: Partial<ChatStrings> = {};

  @consume({ context: chatClientContext, subscribe: true })
  private providedClient?: ChatClient;

  @consume({ context: chatRouterContext, subscribe: true })
  private providedRouter?: ChatRouter;

  private models: Model[] = [];
  private expanded: ReadonlySet<string> = new Set();
  private editing?: Editing;
  private actionError?: string;

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroll');
  }

  get #sentinel(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.sentinel');
  }

  readonly #locale = new LocaleController(this);
  #ownRouter?: ChatRouter;
  #modelsClient?: ChatClient;
  #observer?: IntersectionObserver;
  #focusAfterUpdate?: string;

  constructor() {
    super();
    new SubscriptionController(
      this,
      () => this.#client,
      (client, changed) => client.sessions.subscribe(changed),
    );
    new SubscriptionController(
      this,
      () => this.#router,
      (router, changed) => router.subscribe(changed),
    );
  }

  get #client(): ChatClient | undefined {
    return this.client ?? this.providedClient;
  }

  get #router(): ChatRouter {
    if (this.providedRouter) return this.providedRouter;
    if (this.#ownRouter?.mode !== this.routing || this.#ownRouter.basePath !== this.basePath) {
      this.#ownRouter?.disconnect();
      this.#ownRouter = new ChatRouter({ mode: this.routing, basePath: this.basePath });
      if (this.isConnected) this.#ownRouter.connect();
    }
    return this.#ownRouter;
  }

  /** The list the sidebar shows: every conversation, or the `model-id`'s. */
  get #list(): SessionList | undefined {
    return this.#client?.sessions.list(this.modelId ? { modelId: this.modelId } : {});
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.providedRouter) this.#ownRouter?.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#ownRouter?.disconnect();
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** The first render waits for the language's pack (English needs none), so that no text flashes in English. */
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    const loading = this.hasUpdated ? undefined : this.#locale.loading;
    if (loading) return loading.then(() => super.scheduleUpdate());
    super.scheduleUpdate();
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const client = this.#client;
    if (!client) return;
    const list = this.#list!;
    if (!list.loaded && !list.loading && !list.error) list.load();
    if (this.#modelsClient !== client) {
      this.#modelsClient = client;
      this.models = [];
      client.models().then(
        (catalog) => {
          if (this.#modelsClient === client) this.models = catalog.models;
        },
        // Without models the sidebar still lists conversations; the list shows its own errors.
        () => {},
      );
    }
    if (changed.has('providedRouter') && this.providedRouter) this.#ownRouter?.disconnect();
  }

  protected override updated(): void {
    this.#observeSentinel();
    this.#loadMoreIfSentinelShows();
    if (this.#focusAfterUpdate) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterUpdate)?.focus();
      this.#focusAfterUpdate = undefined;
    }
  }

  protected override render() {
    const strings: ChatStrings = { ...defaultStrings, ...this.#locale.strings, ...this.strings };
    const client = this.#client;
    const list = this.#list;
    const general: ChatRoute = { kind: 'new', modelId: this.modelId ?? null };
    return html`<nav part="base" aria-label=${strings.sidebarLabel} dir=${this.#locale.direction}>
      <div class="top">
        <button type="button" class="new-chat" part="new-chat-button" @click=${() => this.#navigate(general)}>
          ${plusIcon}<span>${strings.newChat}</span>
        </button>
        <slot name="header"></slot>
      </div>
      <div class="scroll">
        ${this.actionError ? html`<p class="status error" role="alert">${this.actionError}</p>` : nothing}
        ${!this.modelId && this.models.length > 0 ? this.#renderModels(strings) : nothing}
        <section aria-labelledby="conversations-heading">
          <h2 id="conversations-heading">${strings.conversations}</h2>
          ${client && list ? this.#renderList(list, strings, true) : nothing}
        </section>
      </div>
    </nav>`;
  }

  #renderModels(strings: ChatStrings) {
    return html`<section aria-labelledby="models-heading">
      <h2 id="models-heading">${strings.models}</h2>
      <ul>
        ${this.models.map((model) => {
          const expanded = this.expanded.has(model.id);
          const list = expanded ? this.#client?.sessions.list({ modelId: model.id }) : undefined;
          return html`<li>
            <div class="row" part="model">
              <button type="button" class="model-toggle" aria-expanded=${expanded ? 'true' : 'false'}
                title=${model.description} @click=${() => this.#toggleModel(model.id, list)}>${model.name}</button>
              <button type="button" class="icon" part="model-new-chat-button" aria-label=${strings.newChatWithModel(model.name)}
                title=${strings.newChatWithModel(model.name)} @click=${() => this.#navigate({ kind: 'new', modelId: model.id })}>
                ${plusIcon}
              </button>
            </div>
            ${list ? html`<div class="model-sessions">${this.#renderList(list, strings, false)}</div>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** A list of conversations; the main one is grouped by recency and loads more on scroll. */
  #renderList(list: SessionList, strings: ChatStrings, main: boolean) {
    const sessions = list.sessions;
    if (list.error && sessions.length === 0) {
      return html`<p class="status error" role="alert">${list.error.message}</p>
        <button type="button" class="more" @click=${() => list.load()}>${strings.retry}</button>`;
    }
    if (!list.loaded && sessions.length === 0) {
      return html`<p class="status" role="status">${strings.loading}</p>`;
    }
    if (sessions.length === 0) return main ? html`<p class="status">${strings.noConversations}</p>` : nothing;
    const groups = main ? groupSessions(sessions, strings) : [{ label: '', sessions: [...sessions] }];
    return html`${groups.map(
      (group) => html`${group.label ? html`<h3 part="group-heading">${group.label}</h3>` : nothing}
        <ul>${group.sessions.map((session) => this.#renderSession(session, strings))}</ul>`,
    )}
    ${
      list.loaded && list.hasMore
        ? html`<button type="button" class="more" ?disabled=${list.loading} @click=${() => list.loadMore()}>
            ${list.loading ? strings.loading : strings.loadMore}
          </button>`
        : nothing
    }
    ${main ? html`<div class="sentinel"></div>` : nothing}`;
  }

  #renderSession(session: Session, strings: ChatStrings) {
    const route = this.#router.route;
    const current = route.kind === 'conversation' && route.sessionId === session.id;
    const editing = this.editing?.sessionId === session.id ? this.editing : undefined;
    const target: ChatRoute = { kind: 'conversation', sessionId: session.id, modelId: session.model_id };
    const parts = current ? 'conversation current' : 'conversation';
    if (editing?.action === 'rename') {
      // The field starts from the title when renaming began: a title arriving meanwhile must not wipe the typing.
      return html`<li class="row" part=${parts}>
        <form class="editor" @submit=${(event: SubmitEvent) => this.#rename(event, session)}>
          <input name="title" aria-label=${strings.conversationTitle} .value=${editing.title} maxlength="200" required
            @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.#stopEditing(session.id)} />
          <button type="submit">${strings.save}</button>
          <button type="button" @click=${() => this.#stopEditing(session.id)}>${strings.cancel}</button>
        </form>
      </li>`;
    }
    if (editing?.action === 'delete') {
      return html`<li class="row" part=${parts}>
        <div class="editor" role="group" aria-label=${strings.confirmDelete(session.title)}
          @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.#stopEditing(session.id)}>
          <span>${strings.confirmDelete(session.title)}</span>
          <button type="button" class="danger" data-confirm @click=${() => this.#delete(session, current)}>
            ${strings.delete}
          </button>
          <button type="button" @click=${() => this.#stopEditing(session.id)}>${strings.cancel}</button>
        </div>
      </li>`;
    }
    return html`<li class="row ${current ? 'current' : ''}" part=${parts}>
      <a class="link" data-session=${session.id} href=${this.#router.href(target)} aria-current=${current ? 'page' : nothing}
        title=${session.title} @click=${(event: MouseEvent) => this.#onLinkClick(event, target)}
        @keydown=${this.#onLinkKeyDown}>${session.title}</a>
      <span class="actions">
        <button type="button" class="icon" aria-label=${strings.renameConversation(session.title)}
          title=${strings.renameConversation(session.title)} @click=${() => this.#startEditing(session, 'rename')}>
          ${pencilIcon}
        </button>
        <button type="button" class="icon" aria-label=${strings.deleteConversation(session.title)}
          title=${strings.deleteConversation(session.title)} @click=${() => this.#startEditing(session, 'delete')}>
          ${trashIcon}
        </button>
      </span>
    </li>`;
  }

  #navigate(route: ChatRoute): void {
    if (this.dispatchEvent(new ChatNavigateEvent({ route }))) this.#router.navigate(route);
  }

  #onLinkClick(event: MouseEvent, route: ChatRoute): void {
    // Let the browser open a new tab or window for modified clicks.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.#navigate(route);
  }

  /** Arrow keys, Home and End move between the conversations of the list. */
  #onLinkKeyDown(event: KeyboardEvent): void {
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (!keys.includes(event.key)) return;
    const links = [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('a.link')];
    const index = links.indexOf(event.currentTarget as HTMLAnchorElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? links.length - 1
          : Math.min(links.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    links[next]?.focus();
  }

  #toggleModel(modelId: string, list: SessionList | undefined): void {
    const expanded = new Set(this.expanded);
    if (list) expanded.delete(modelId);
    else {
      expanded.add(modelId);
      const modelList = this.#client?.sessions.list({ modelId });
      if (modelList && !modelList.loaded && !modelList.loading) modelList.load();
    }
    this.expanded = expanded;
  }

  #startEditing(session: Session, action: Editing['action']): void {
    this.editing = { sessionId: session.id, action, title: session.title };
    this.actionError = undefined;
    this.#focusAfterUpdate = action === 'rename' ? '.editor input' : '.editor [data-confirm]';
  }

  #stopEditing(sessionId: string): void {
    this.editing = undefined;
    this.#focusAfterUpdate = `a[data-session="${CSS.escape(sessionId)}"]`;
  }

  async #rename(event: SubmitEvent, session: Session): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const title = (form.elements.namedItem('title') as HTMLInputElement).value.trim();
    this.#stopEditing(session.id);
    if (title === '' || title === session.title) return;
    try {
      await this.#client?.rename(session.id, title);
    } catch (error) {
      this.actionError = (error as Error).message;
    }
  }

  async #delete(session: Session, current: boolean): Promise<void> {
    this.editing = undefined;
    this.#focusAfterUpdate = '.new-chat';
    try {
      await this.#client?.delete(session.id);
      if (current) this.#router.navigate({ kind: 'new', modelId: session.model_id }, { replace: true });
    } catch (error) {
      this.actionError = (error as Error).message;
    }
  }

  /** Loads the next page when the end of the list scrolls into view. */
  /**
   * The observer reports changes of visibility only: when a page lands and the end of the list is
   * still in view (a short page, a tall sidebar), nothing changes, so the next page is asked here.
   */
  #loadMoreIfSentinelShows(): void {
    const list = this.#list;
    const sentinel = this.#sentinel;
    const scroller = this.#scroller;
    if (!list?.loaded || !list.hasMore || list.loading || !sentinel || !scroller) return;
    if (sentinel.getBoundingClientRect().top <= scroller.getBoundingClientRect().bottom + 200) {
      // After this update, not during it.
      queueMicrotask(() => list.loadMore());
    }
  }

  #observeSentinel(): void {
    const sentinel = this.#sentinel;
    if (!sentinel) return;
    this.#observer ??= new IntersectionObserver(
      (entries) => {
        const list = this.#list;
        if (entries.some((entry) => entry.isIntersecting) && list?.loaded && list.hasMore && !list.loading) {
          list.loadMore();
        }
      },
      { root: this.#scroller ?? null, rootMargin: '200px' },
    );
    this.#observer.disconnect();
    this.#observer.observe(sentinel);
  }
}
