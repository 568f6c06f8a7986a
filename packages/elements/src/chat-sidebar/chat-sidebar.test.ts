import { expect, fixture, html } from '@open-wc/testing';
import { ChatClient, type Conversation } from '@parley/sdk';
import { sendKeys } from '@web/test-runner-commands';
import '../test-support/lit-warnings';
import { shadow, shadowAll, text, until } from '../test-support/dom';
import { testBasePath } from '../test-support/location';
import { query, serverUrl, tokenFor, uniqueUserId } from '../test-support/test-server';
import type { ChatNavigateEvent } from '../events/chat-navigate';
import type { ChatSidebar } from './chat-sidebar.component';
import './chat-sidebar';

const clients: ChatClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

/** A client of `token`'s user (a new user by default); small pages make "load more" reachable. */
async function newClient(pageSize = 30, token?: string) {
  const userToken = token ?? (await tokenFor(uniqueUserId()));
  const client = new ChatClient({
    baseUrl: await serverUrl(),
    getToken: () => userToken,
    sessionPageSize: pageSize,
    broadcastChannel: false,
  });
  clients.push(client);
  return Object.assign(client, { token: userToken });
}

/** Creates a stored conversation and stops its answer as soon as the session exists. */
async function createConversation(
  client: ChatClient,
  message: string,
  modelId?: string,
): Promise<Conversation> {
  const conversation = client.conversation({ modelId: modelId ?? null });
  conversation.on('conversation-created', () => {
    conversation.stop();
  });
  await conversation.send(message);
  return conversation;
}

async function sidebarFor(client: ChatClient, height = '480px', modelId?: string) {
  const sidebar =
    await fixture<ChatSidebar>(html`<chat-sidebar style="height: ${height}" base-path=${testBasePath}
    model-id=${modelId ?? ''} .client=${client}></chat-sidebar>`);
  if (!modelId) sidebar.removeAttribute('model-id');
  await sidebar.updateComplete;
  return sidebar;
}

const links = (sidebar: ChatSidebar) =>
  shadowAll<HTMLAnchorElement>(sidebar, 'section[aria-labelledby="conversations-heading"] a.link');
const titles = (sidebar: ChatSidebar) => links(sidebar).map(text);

describe('<chat-sidebar>', () => {
  it('lists the conversations newest first under recency headings, and highlights the current one', async () => {
    const client = await newClient();
    const first = await createConversation(client, 'Older one');
    const second = await createConversation(client, 'Newer one');
    await client.rename(first.sessionId!, 'Older one');
    await client.rename(second.sessionId!, 'Newer one');
    history.replaceState(null, '', `${testBasePath}/c/${first.sessionId}`);
    // The same user through a fresh client: everything comes from the server.
    const sidebar = await sidebarFor(await newClient(30, client.token));
    await until(() => titles(sidebar).length === 2, 'two conversations');
    expect(titles(sidebar)).to.deep.equal(['Newer one', 'Older one']);
    expect(shadowAll(sidebar, '[part="group-heading"]').map(text)).to.deep.equal(['Today']);
    const current = shadow<HTMLAnchorElement>(sidebar, 'a[aria-current="page"]');
    expect(current.dataset.session).to.equal(first.sessionId);
    expect(current.getAttribute('href')).to.equal(`${testBasePath}/c/${first.sessionId}`);
    await expect(sidebar).to.be.accessible();
  });

  it('shows a new conversation as soon as it is created, then its title', async () => {
    const client = await newClient();
    const sidebar = await sidebarFor(client);
    await until(
      () =>
        text(shadow(sidebar, 'section[aria-labelledby="conversations-heading"]')).includes(
          'No conversations',
        ),
      'the empty list',
    );
    const conversation = client.conversation();
    const listed = new Promise<string[]>((resolve) =>
      conversation.on('session-created', () => {
        sidebar.updateComplete.then(() => resolve(titles(sidebar)));
      }),
    );
    const sent = conversation.send('Plan a trip to Lisbon');
    expect(await listed).to.deep.equal(['New conversation']);
    await sent;
    await until(() => titles(sidebar)[0] !== 'New conversation', 'the generated title');
    expect(titles(sidebar)).to.have.length(1);
  });

  it('renames a conversation from the keyboard', async () => {
    const client = await newClient();
    const conversation = await createConversation(client, 'Rename me');
    const sidebar = await sidebarFor(client);
    await until(() => links(sidebar).length === 1, 'the conversation');
    shadow<HTMLButtonElement>(sidebar, `button[aria-label^="Rename"]`).click();
    await sidebar.updateComplete;
    const input = shadow<HTMLInputElement>(sidebar, '.editor input');
    expect(sidebar.shadowRoot!.activeElement).to.equal(input);
    input.value = '';
    await sendKeys({ type: 'Trip to Lisbon' });
    await sendKeys({ press: 'Enter' });
    await until(() => titles(sidebar)[0] === 'Trip to Lisbon', 'the new title');
    const [row] = await query<{ session_title: string }>(
      'SELECT session_title FROM chat_sessions WHERE id = $1',
      [conversation.sessionId],
    );
    expect(row?.session_title).to.equal('Trip to Lisbon');
    expect(sidebar.shadowRoot!.activeElement).to.equal(links(sidebar)[0]);
  });

  it('deletes a conversation after a confirmation', async () => {
    const client = await newClient();
    const conversation = await createConversation(client, 'Delete me');
    const sidebar = await sidebarFor(client);
    await until(() => links(sidebar).length === 1, 'the conversation');
    shadow<HTMLButtonElement>(sidebar, `button[aria-label^="Delete"]`).click();
    await sidebar.updateComplete;
    const confirm = shadow<HTMLButtonElement>(sidebar, '[data-confirm]');
    expect(sidebar.shadowRoot!.activeElement).to.equal(confirm);
    confirm.click();
    await until(() => shadowAll(sidebar, 'li.row').length === 0, 'the conversation to go');
    const rows = await query('SELECT id FROM chat_sessions WHERE id = $1', [conversation.sessionId]);
    expect(rows).to.deep.equal([]);
  });

  it('loads older conversations when the end of the list scrolls into view', async () => {
    const client = await newClient(4);
    for (let index = 0; index < 9; index++) await createConversation(client, `Conversation ${index}`);
    const sidebar = await sidebarFor(await newClient(4, client.token), '260px');
    await until(() => links(sidebar).length === 4, 'the first page');
    const scroller = shadow(sidebar, '.scroll');
    for (let page = 0; page < 3 && links(sidebar).length < 9; page++) {
      scroller.scrollTop = scroller.scrollHeight;
      const count = links(sidebar).length;
      await until(() => links(sidebar).length > count, 'another page');
    }
    expect(links(sidebar)).to.have.length(9);
    expect(shadowAll(sidebar, 'button.more')).to.have.length(0);
  });

  it('moves between conversations with the arrow keys', async () => {
    const client = await newClient();
    for (const message of ['One', 'Two', 'Three']) await createConversation(client, message);
    const sidebar = await sidebarFor(client);
    await until(() => links(sidebar).length === 3, 'three conversations');
    links(sidebar)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(sidebar.shadowRoot!.activeElement).to.equal(links(sidebar)[1]);
    await sendKeys({ press: 'End' });
    expect(sidebar.shadowRoot!.activeElement).to.equal(links(sidebar)[2]);
    await sendKeys({ press: 'Home' });
    expect(sidebar.shadowRoot!.activeElement).to.equal(links(sidebar)[0]);
  });

  it('navigates with the History API, unless the host page cancels chat-navigate', async () => {
    const client = await newClient();
    const conversation = await createConversation(client, 'Navigate');
    const sidebar = await sidebarFor(client);
    await until(() => links(sidebar).length === 1, 'the conversation');
    const length = history.length;
    links(sidebar)[0]!.click();
    expect(location.pathname).to.equal(`${testBasePath}/c/${conversation.sessionId}`);
    expect(history.length).to.equal(length + 1);
    await sidebar.updateComplete;
    expect(links(sidebar)[0]!.getAttribute('aria-current')).to.equal('page');

    const seen: ChatNavigateEvent[] = [];
    sidebar.addEventListener('chat-navigate', (event) => {
      seen.push(event);
      event.preventDefault();
    });
    shadow<HTMLButtonElement>(sidebar, '.new-chat').click();
    expect(seen.map((event) => event.detail.route)).to.deep.equal([{ kind: 'new', modelId: null }]);
    expect(location.pathname).to.equal(`${testBasePath}/c/${conversation.sessionId}`);
  });

  it('shows one model only with model-id', async () => {
    const client = await newClient();
    const { models } = await client.models();
    const model = models[0]!;
    await createConversation(client, 'General');
    await createConversation(client, 'Model-specific', model.id);
    const sidebar = await sidebarFor(client, '480px', model.id);
    await until(() => links(sidebar).length === 1, 'the model conversation');
    expect(shadowAll(sidebar, '#models-heading')).to.have.length(0);
    shadow<HTMLButtonElement>(sidebar, '.new-chat').click();
    expect(location.pathname).to.equal(`${testBasePath}/m/${encodeURIComponent(model.id)}/new`);
  });
});
