import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../test-support/lit-warnings';
import { shadow } from '../test-support/dom';
import type { ChatSendEvent } from '../events/chat-send';
import type { ChatComposer } from './chat-composer.component';
import './chat-composer';

async function composer(template = html`<chat-composer></chat-composer>`) {
  const element = await fixture<ChatComposer>(template);
  const sent: string[] = [];
  element.addEventListener('chat-send', (event: ChatSendEvent) => sent.push(event.detail.text));
  return { element, sent, textarea: shadow<HTMLTextAreaElement>(element, 'textarea') };
}

function pressEnter(target: Element, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', {
    key: 'Enter',
    bubbles: true,
    cancelable: true,
    composed: true,
    ...init,
  });
  target.dispatchEvent(event);
  return event;
}

describe('<chat-composer>', () => {
  it('sends with Enter and empties the field', async () => {
    const { element, sent, textarea } = await composer();
    textarea.focus();
    await sendKeys({ type: 'Hello there' });
    await sendKeys({ press: 'Enter' });
    expect(sent).to.deep.equal(['Hello there']);
    await element.updateComplete;
    expect(textarea.value).to.equal('');
  });

  it('starts a new line with Shift+Enter instead of sending', async () => {
    const { sent, textarea } = await composer();
    textarea.focus();
    await sendKeys({ type: 'one' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'two' });
    expect(sent).to.deep.equal([]);
    expect(textarea.value).to.equal('one\ntwo');
  });

  it('never sends while an input method is composing', async () => {
    const { element, sent, textarea } = await composer();
    element.value = 'にほんご';
    await element.updateComplete;
    // The Enter that confirms a composition, as browsers report it…
    expect(pressEnter(textarea, { isComposing: true }).defaultPrevented).to.equal(false);
    // …as Safari reports it after compositionend (keyCode 229)…
    pressEnter(textarea, { keyCode: 229 } as KeyboardEventInit);
    // …and between compositionstart and compositionend.
    textarea.dispatchEvent(new CompositionEvent('compositionstart'));
    pressEnter(textarea);
    expect(sent).to.deep.equal([]);
    textarea.dispatchEvent(new CompositionEvent('compositionend'));
    pressEnter(textarea);
    expect(sent).to.deep.equal(['にほんご']);
  });

  it('does not send an empty message', async () => {
    const { element, sent, textarea } = await composer();
    element.value = '   ';
    await element.updateComplete;
    pressEnter(textarea);
    expect(sent).to.deep.equal([]);
    expect(shadow<HTMLButtonElement>(element, '[part="send-button"]').disabled).to.equal(true);
  });

  it('keeps the text when chat-send is cancelled', async () => {
    const { element, textarea } = await composer();
    element.addEventListener('chat-send', (event) => event.preventDefault());
    element.value = 'keep me';
    await element.updateComplete;
    pressEnter(textarea);
    await element.updateComplete;
    expect(textarea.value).to.equal('keep me');
  });

  it('is disabled while a conversation is being created, and gives the focus back after', async () => {
    const { element, sent, textarea } = await composer();
    textarea.focus();
    element.value = 'wait';
    element.disabled = true;
    await element.updateComplete;
    expect(textarea.disabled).to.equal(true);
    pressEnter(textarea);
    expect(sent).to.deep.equal([]);
    element.disabled = false;
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement).to.equal(textarea);
  });

  it('shows Stop instead of Send while an answer is written, and Enter does not send', async () => {
    const { element, sent, textarea } = await composer(
      html`<chat-composer streaming value="next"></chat-composer>`,
    );
    let stops = 0;
    element.addEventListener('chat-stop', () => stops++);
    pressEnter(textarea);
    expect(sent).to.deep.equal([]);
    shadow<HTMLButtonElement>(element, '[part="stop-button"]').click();
    expect(stops).to.equal(1);
  });

  it('grows with its text', async () => {
    const { element, textarea } = await composer();
    const oneLine = textarea.getBoundingClientRect().height;
    element.value = 'a\nb\nc\nd';
    await element.updateComplete;
    expect(textarea.getBoundingClientRect().height).to.be.greaterThan(oneLine * 2);
  });

  it('labels its controls', async () => {
    const { element } = await composer();
    await expect(element).to.be.accessible();
    element.strings = { ...element.strings, composerLabel: 'Nachricht', send: 'Senden' };
    await element.updateComplete;
    expect(shadow(element, 'textarea').getAttribute('aria-label')).to.equal('Nachricht');
    expect(shadow(element, '[part="send-button"]').getAttribute('aria-label')).to.equal('Senden');
  });
});
