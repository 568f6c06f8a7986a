export type {
  ChatProvider,
  ProviderChunk,
  ProviderMessage,
  ProviderStreamRequest,
  ProviderToolCall,
} from './types';
export { ProviderError, type ProviderErrorCode, type ProviderErrorOptions } from './provider-error';
export { parseRetryAfter, providerErrorFromStatus } from './provider-error-from-status';
export { createOpenAICompatibleProvider, type OpenAICompatibleProviderOptions } from './openai-compatible';
export { createDemoProvider, type DemoProviderOptions } from './demo';
