import { expect, oneEvent } from '@open-wc/testing';
import type { ChatRoute } from '@parley/sdk';
import { testBasePath } from '../test-support/location';
import { ChatRouter } from './chat-router';

const conversation: ChatRoute = { kind: 'conversation', sessionId: 's1', modelId: null };
const modelNew: ChatRoute = { kind: 'new', modelId: 'guide' };

describe('ChatRouter', () => {
  it('keeps routes in the path under a base path, and follows Back', async () => {
    const router = new ChatRouter({ mode: 'path', basePath: testBasePath });
    router.connect();
    const seen: string[] = [];
    router.subscribe((route, cause) => seen.push(`${cause}:${route.kind}`));
    router.navigate(modelNew);
    expect(location.pathname).to.equal(`${testBasePath}/m/guide/new`);
    router.navigate(conversation, { replace: true });
    expect(location.pathname).to.equal(`${testBasePath}/c/s1`);
    router.navigate({ kind: 'new', modelId: null });
    history.back();
    await oneEvent(window, 'popstate');
    expect(router.route).to.deep.equal(conversation);
    expect(seen).to.deep.equal(['push:new', 'replace:conversation', 'push:new', 'history:conversation']);
    router.disconnect();
  });

  it('keeps routes in the fragment in hash mode, leaving the path alone', () => {
    const path = location.pathname;
    const router = new ChatRouter({ mode: 'hash' });
    router.navigate(conversation);
    expect(location.pathname).to.equal(path);
    expect(location.hash).to.equal('#/c/s1');
    expect(router.href(modelNew)).to.equal(`${path}${location.search}#/m/guide/new`);
  });

  it('never touches the URL in memory mode', () => {
    const before = location.href;
    const router = new ChatRouter({ mode: 'memory', fallback: modelNew });
    expect(router.route).to.deep.equal(modelNew);
    router.navigate(conversation);
    expect(router.route).to.deep.equal(conversation);
    expect(location.href).to.equal(before);
  });

  it('tells the other routers of the page about a change', () => {
    const first = new ChatRouter({ basePath: testBasePath });
    const second = new ChatRouter({ basePath: testBasePath });
    second.connect();
    first.navigate(conversation);
    expect(second.route).to.deep.equal(conversation);
    second.disconnect();
  });

  it('falls back for a URL that is not a chat route', () => {
    history.replaceState(null, '', '/somewhere/else.html');
    const router = new ChatRouter({ basePath: testBasePath, fallback: modelNew });
    expect(router.route).to.deep.equal(modelNew);
  });
});
