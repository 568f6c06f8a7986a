import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import type { ModelRegistry } from '../models/model-registry';

/** `GET /api/models`: the models a user can start a model-specific chat with. */
export function modelRoutes(models: ModelRegistry) {
  return new Hono<AppEnv>().get('/', (c) =>
    c.json({ models: models.list(), default_model_id: models.defaultModel.id }),
  );
}
