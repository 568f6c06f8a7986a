import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatStrings } from '../strings/chat-strings';
import type { LocaleCode } from '../strings/locale-codes';
import type { LocalePack, TextDirection } from '../strings/locale-pack';
import { loadedLocalePack, loadLocalePack } from '../strings/load-locale-pack';
import { resolveLocale } from '../strings/resolve-locale';

type Host = ReactiveControllerHost & HTMLElement;

const english: Partial<ChatStrings> = Object.freeze({});

/** The `lang` in effect for `element`: its own, else its nearest ancestor's, across shadow roots. */
function inheritedLang(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const holder = node.closest('[lang]');
    if (holder) return holder.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/**
 * The language of an element: the pack for its `lang` (its own, else the nearest ancestor's, up to
 * `<html lang>`; see `resolveLocale`), loaded on demand, and the direction that goes with it.
 * It follows `lang` when it changes, on the element or above it, and asks the host to render again
 * once the new pack is in use. English is built in, so it never waits.
 */
export class LocaleController implements ReactiveController {
  readonly #host: Host;
  #observer?: MutationObserver;
  /** The `lang` tag in effect, as written. */
  #lang = '';
  /** The locale asked for last; a pack that arrives for another one is not used. */
  #wanted: LocaleCode = 'en';
  #pack?: LocalePack;
  #pending?: Promise<void>;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** The `lang` tag in effect for the host, as written (`''` when there is none). */
  get lang(): string {
    return this.#lang;
  }

  /** The locale whose pack is in use. */
  get locale(): LocaleCode {
    return this.#pack?.locale ?? 'en';
  }

  /** The texts of the pack in use; empty for English (the elements' defaults are English). */
  get strings(): Partial<ChatStrings> {
    return this.#pack?.strings ?? english;
  }

  /** The host's own `dir` when it has one, otherwise the direction of the pack in use. */
  get direction(): TextDirection | 'auto' {
    const own = this.#host.getAttribute('dir')?.toLowerCase();
    if (own === 'ltr' || own === 'rtl' || own === 'auto') return own;
    return this.#pack?.direction ?? 'ltr';
  }

  /** While a pack loads for the current `lang`: settles once it is in use (or failed to load). */
  get loading(): Promise<void> | undefined {
    return this.#pending;
  }

  hostConnected(): void {
    this.#observer ??= new MutationObserver(() => this.#update());
    // The host's own attributes, and `lang` on anything above it, in each tree up to the document.
    this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['lang', 'dir'] });
    for (let root = this.#host.getRootNode(); ; root = (root as ShadowRoot).host.getRootNode()) {
      this.#observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
      if (!(root instanceof ShadowRoot)) break;
    }
    this.#update(true);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  #update(force = false): void {
    const lang = inheritedLang(this.#host);
    // `dir` may have changed: render in any case, it is cheap.
    if (!force && lang === this.#lang) {
      this.#host.requestUpdate();
      return;
    }
    this.#lang = lang;
    const wanted = resolveLocale(lang);
    this.#wanted = wanted;
    if (wanted === this.locale && !this.#pending) return;
    const loaded = wanted === 'en' ? undefined : loadedLocalePack(wanted);
    if (wanted === 'en' || loaded) {
      this.#use(loaded);
      return;
    }
    const pending = loadLocalePack(wanted).then(
      (pack) => {
        if (this.#wanted === wanted) this.#use(pack);
      },
      (error: unknown) => {
        // The chunk did not arrive: stay in the language shown (English at first); a later
        // change of `lang` tries again.
        console.warn(`Parley: the "${wanted}" texts did not load.`, error);
        if (this.#pending === pending) this.#pending = undefined;
        this.#host.requestUpdate();
      },
    );
    this.#pending = pending;
  }

  #use(pack: LocalePack | undefined): void {
    this.#pack = pack;
    this.#pending = undefined;
    this.#host.requestUpdate();
  }
}
