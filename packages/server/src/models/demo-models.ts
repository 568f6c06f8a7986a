import type { ModelConfig } from './types';

/** The models a server offers when the integrator configures none. */
export const DEFAULT_MODEL: ModelConfig = {
  id: 'default',
  name: 'Parley',
  description: 'The general chat.',
  systemPrompt: 'You are a helpful assistant. Answer in Markdown.',
};

export const SAMPLE_MODELS: readonly ModelConfig[] = [
  {
    id: 'guide',
    name: 'Parley Guide',
    description: 'Explains how Parley works: embedding, the SDK and self-hosting.',
    systemPrompt: 'You are the Parley Guide. Explain Parley to developers, concisely, in Markdown.',
  },
  {
    id: 'writer',
    name: 'Writing Helper',
    description: 'Helps you draft and tighten short texts.',
    systemPrompt: 'You help people write clear, short texts. Answer in Markdown.',
  },
];
