import type { ChatProvider } from '../providers/types';
import { cleanTitle, stripReasoning } from './clean-title';
import { fallbackTitle } from './fallback-title';
import { formatTitleRequest, TITLE_SYSTEM_PROMPT } from './title-prompt';

/** What {@link generateTitle} needs. */
export interface GenerateTitleOptions {
  provider: ChatProvider;
  /** The provider's model name. */
  model: string;
  /** The first message of the conversation. */
  userMessage: string;
  /** The answer to it (may be partial or empty). */
  assistantText: string;
  /** Aborting it returns the fallback title at once. */
  signal?: AbortSignal;
  /** After this long the fallback title is returned. Default 8000. */
  timeoutMs?: number;
}

/** More visible reply than this is not a title: stop reading (and the provider) there. */
const REPLY_LIMIT = 400;

/**
 * Names a conversation from its first exchange. Never rejects: on a provider failure, a timeout,
 * an abort or an unusable reply it returns {@link fallbackTitle} of the user's message.
 *
 * @example
 * ```ts
 * const title = await generateTitle({ provider, model, userMessage, assistantText: result.text });
 * ```
 */
export async function generateTitle(options: GenerateTitleOptions): Promise<string> {
  const { provider, model, userMessage, assistantText, signal, timeoutMs = 8000 } = options;
  if (signal?.aborted) return fallbackTitle(userMessage);
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Settles at the deadline or on abort even if the provider ignores its signal.
  const stopped = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(undefined);
    }, timeoutMs);
    controller.signal.addEventListener('abort', () => resolve(undefined), { once: true });
  });

  const reading = (async () => {
    let reply = '';
    const stream = provider.stream({
      model,
      messages: [
        { role: 'system', content: TITLE_SYSTEM_PROMPT },
        { role: 'user', content: formatTitleRequest(userMessage, assistantText) },
      ],
      signal: controller.signal,
    });
    for await (const chunk of stream) {
      if (chunk.type !== 'text') continue;
      reply += chunk.text;
      if (reply.length > REPLY_LIMIT && stripReasoning(reply).length > REPLY_LIMIT) break;
    }
    return reply;
  })().catch(() => undefined);

  try {
    const reply = await Promise.race([reading, stopped]);
    if (reply === undefined || controller.signal.aborted) return fallbackTitle(userMessage);
    return cleanTitle(reply) || fallbackTitle(userMessage);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    // Lets the provider stop whatever it still does for this request.
    controller.abort();
  }
}
