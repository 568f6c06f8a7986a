import { createHash } from 'node:crypto';

/** Who may frame the demo page when nothing is configured: pages of its own origin only. */
export const DEFAULT_FRAME_ANCESTORS: readonly string[] = ["'self'"];

const KEYWORDS = new Set(["'self'", "'none'"]);
// A CSP host or scheme source: `https:`, `https://*.example.com:8443`, `example.com`, `*`.
const SOURCE =
  /^(?:\*|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?)$/i;

/**
 * Reads a list of `frame-ancestors` sources (`PARLEY_FRAME_ANCESTORS`): separated by spaces or
 * commas; `self` and `none` may be written without their quotes. Throws on anything that could
 * end the directive or add another one.
 */
export function parseFrameAncestors(text: string): string[] {
  const sources = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((source) => (/^(self|none)$/i.test(source) ? `'${source.toLowerCase()}'` : source));
  if (sources.length === 0) throw new Error('must list at least one source');
  for (const source of sources) {
    if (!KEYWORDS.has(source) && !SOURCE.test(source)) throw new Error(`"${source}" is not a CSP source`);
  }
  if (sources.includes("'none'") && sources.length > 1) throw new Error("'none' cannot be combined");
  return sources;
}

/** The security headers of the demo page. */
export function demoPageHeaders(options: {
  /** The page's inline `<style>` text, allowed by its hash. */
  style: string;
  /** Where the embed bundle and the API are, when not the page's own origin. */
  scriptUrl: string;
  apiBaseUrl: string;
  frameAncestors: readonly string[];
}): Record<string, string> {
  const scripts = ["'self'", ...originOf(options.scriptUrl)];
  const connect = ["'self'", ...originOf(options.apiBaseUrl)];
  const policy = [
    "default-src 'none'",
    // No inline script at all: the page is one module script from a URL.
    `script-src ${scripts.join(' ')}`,
    // The elements style themselves with constructed style sheets, which CSP does not govern.
    `style-src 'sha256-${createHash('sha256').update(options.style).digest('base64')}'`,
    `connect-src ${connect.join(' ')}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${options.frameAncestors.join(' ')}`,
  ];
  return {
    'Content-Security-Policy': policy.join('; '),
    'X-Content-Type-Options': 'nosniff',
    // Conversation ids are in the page's URLs: send them to no one.
    'Referrer-Policy': 'no-referrer',
  };
}

function originOf(url: string): string[] {
  if (!/^https?:\/\//i.test(url)) return [];
  return [new URL(url).origin];
}
