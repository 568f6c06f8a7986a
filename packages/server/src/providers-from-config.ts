import type { ServerConfig } from './config';
import { createDemoProvider } from './providers/demo';
import { createOpenAICompatibleProvider } from './providers/openai-compatible';
import type { ChatProvider } from './providers/types';

/** The provider the configuration asks for. */
export function providerFromConfig(config: ServerConfig['provider']): {
  provider: ChatProvider;
  model: string;
} {
  if (config.kind === 'demo')
    return { provider: createDemoProvider({ delayMs: config.delayMs }), model: 'demo' };
  const headers: Record<string, string> = config.openRouter
    ? { 'HTTP-Referer': 'https://github.com/parley', 'X-Title': 'Parley' }
    : {};
  return {
    provider: createOpenAICompatibleProvider({ baseUrl: config.baseUrl, apiKey: config.apiKey, headers }),
    model: config.model,
  };
}
