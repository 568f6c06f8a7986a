import { describe, expect, it } from 'vitest';
import { type ChatRoute, formatRoute, parseRoute } from './routes';

const routes: [string, ChatRoute][] = [
  ['/new', { kind: 'new', modelId: null }],
  ['/m/support/new', { kind: 'new', modelId: 'support' }],
  ['/c/s_42', { kind: 'conversation', sessionId: 's_42', modelId: null }],
  ['/m/support/c/s_42', { kind: 'conversation', sessionId: 's_42', modelId: 'support' }],
  ['/m/gpt%2F4/c/a%20b%3F%23', { kind: 'conversation', sessionId: 'a b?#', modelId: 'gpt/4' }],
];

describe('parseRoute and formatRoute', () => {
  it.each(routes)('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
    expect(formatRoute(route)).toBe(path);
  });

  it.each(routes)('%s under a base path', (path, route) => {
    for (const basePath of ['/support/chat', 'support/chat/', '/support/chat/']) {
      expect(formatRoute(route, { basePath })).toBe(`/support/chat${path}`);
      expect(parseRoute(`/support/chat${path}`, { basePath })).toEqual(route);
    }
  });

  it.each(routes)('%s in hash mode', (path, route) => {
    expect(formatRoute(route, { mode: 'hash', basePath: '/ignored' })).toBe(`#${path}`);
    expect(parseRoute(`#${path}`, { mode: 'hash' })).toEqual(route);
    expect(parseRoute(`https://host.example/page?x=1#${path}`, { mode: 'hash' })).toEqual(route);
  });

  it('round-trips any id', () => {
    for (const id of ['plain', 'with space', 'slash/inside', '%25', 'émoji 🎉', '?q=1&r#h']) {
      const route: ChatRoute = { kind: 'conversation', sessionId: id, modelId: id };
      expect(parseRoute(formatRoute(route))).toEqual(route);
      expect(parseRoute(formatRoute(route, { mode: 'hash' }), { mode: 'hash' })).toEqual(route);
    }
  });
});

describe('parseRoute', () => {
  it('reads the base itself as the general new chat', () => {
    expect(parseRoute('/')).toEqual({ kind: 'new', modelId: null });
    expect(parseRoute('')).toEqual({ kind: 'new', modelId: null });
    expect(parseRoute('/chat', { basePath: '/chat' })).toEqual({ kind: 'new', modelId: null });
    expect(parseRoute('/chat/', { basePath: '/chat' })).toEqual({ kind: 'new', modelId: null });
    expect(parseRoute('', { mode: 'hash' })).toEqual({ kind: 'new', modelId: null });
    expect(parseRoute('#/', { mode: 'hash' })).toEqual({ kind: 'new', modelId: null });
  });

  it('ignores a trailing slash, a query and a fragment', () => {
    expect(parseRoute('/c/1/')).toEqual({ kind: 'conversation', sessionId: '1', modelId: null });
    expect(parseRoute('/c/1?utm=x#top')).toEqual({ kind: 'conversation', sessionId: '1', modelId: null });
    expect(parseRoute('#/m/a/new?x=1', { mode: 'hash' })).toEqual({ kind: 'new', modelId: 'a' });
  });

  it('refuses anything else', () => {
    for (const path of [
      '/c',
      '/c/',
      '/c/1/2',
      '/m/a',
      '/m/a/',
      '/m/a/c',
      '/m//new',
      '/news',
      '/m/a/newer',
      '/x/new',
      'c/1',
      '/c/%E0%A4%A',
    ]) {
      expect(parseRoute(path), path).toBeNull();
    }
  });

  it('refuses a path outside the base path', () => {
    expect(parseRoute('/c/1', { basePath: '/chat' })).toBeNull();
    expect(parseRoute('/chatter/c/1', { basePath: '/chat' })).toBeNull();
  });
});
