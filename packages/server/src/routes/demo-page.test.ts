import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrameAncestors } from '../demo-page/demo-page-policy';
import { startTestServer, type TestServer } from '../testing';
import { mountDemoPage } from './demo-page';

describe('the demo page', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    mountDemoPage(server.app, { frameAncestors: ["'self'", 'https://intranet.example'] });
  });
  afterAll(() => server?.close());

  it('is sent with a strict Content-Security-Policy, nosniff and Referrer-Policy at every route', async () => {
    for (const path of ['/', '/new', '/c/0197a2f0-aaaa', '/m/support/new']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await response.text();
      const policy = directives(response.headers.get('content-security-policy'));
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'self'", 'https://intranet.example']);
      // Every script is loaded from a URL: none is inline, and none is allowed to be.
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc="\/embed\.js"/);
        expect(body!.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+=/i);
      for (const directive of ['script-src', 'style-src', 'default-src']) {
        expect(policy.get(directive)).not.toContain("'unsafe-inline'");
        expect(policy.get(directive)).not.toContain("'unsafe-eval'");
      }
      // The one inline style is allowed by its hash.
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
      expect(policy.get('style-src')).toEqual(
        styles.map((style) => `'sha256-${createHash('sha256').update(style).digest('base64')}'`),
      );
    }
  });

  it('answers /favicon.ico with a small cached icon', async () => {
    const response = await fetch(`${server.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d{4,}/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const svg = await response.text();
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.length).toBeLessThan(2_000);
  });

  it('reads frame-ancestors sources and refuses ones that would change the policy', () => {
    expect(parseFrameAncestors('self, https://a.example https://*.b.example:8443')).toEqual([
      "'self'",
      'https://a.example',
      'https://*.b.example:8443',
    ]);
    expect(parseFrameAncestors('none')).toEqual(["'none'"]);
    for (const text of ["'self'; script-src *", 'https://a.example;', "'unsafe-inline'", '', 'none self']) {
      expect(() => parseFrameAncestors(text), text).toThrow();
    }
  });
});

function directives(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const directive of (header ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}
