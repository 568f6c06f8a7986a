import type { Model } from '@parley/sdk/protocol';
import type { ModelConfig } from './types';

/** The models of this server: the general chat's default and those users pick (`/m/{modelId}`). */
export class ModelRegistry {
  private readonly byId: Map<string, ModelConfig>;

  constructor(
    readonly defaultModel: ModelConfig,
    models: readonly ModelConfig[],
  ) {
    this.byId = new Map(models.map((model) => [model.id, model]));
  }

  /** The model of a conversation: `null` is the general chat. */
  resolve(modelId: string | null): ModelConfig | undefined {
    return modelId === null ? this.defaultModel : this.byId.get(modelId);
  }

  list(): Model[] {
    return [...this.byId.values()].map(({ id, name, description }) => ({ id, name, description }));
  }
}
