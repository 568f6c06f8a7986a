import type { ToolDefinition } from '../tools/types';

/** A model users can chat with: what `/m/{modelId}` points at. Integrator configuration. */
export interface ModelConfig {
  /** Opaque, URL-safe id used in routes and on the wire. */
  id: string;
  name: string;
  description: string;
  /** System prompt sent first in every completion of this model's conversations. */
  systemPrompt?: string;
  /** The provider's model name; defaults to the server's `CHAT_MODEL`. */
  providerModel?: string;
  /** Tools this model may call (the general chat gets `get_model_info` only for model chats). */
  tools?: readonly ToolDefinition[];
}
