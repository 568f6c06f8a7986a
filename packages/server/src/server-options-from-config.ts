import type { ChatServerOptions } from './app';
import { readOrCreateSecret } from './auth/secret-file';
import type { ServerConfig } from './config';
import { createDemoProvider } from './providers/demo';
import { createOpenAICompatibleProvider } from './providers/openai-compatible';

/**
 * The `createChatServer` options the environment configures (everything but the database), so a
 * program that embeds the server reads the same variables as the CLI. With no `AUTH_JWT_SECRET`,
 * the secret is read from `jwt-secret` in the data folder (`PARLEY_DATA_DIR`), made there on the
 * first start, so tokens outlive a restart; this holds with `DATABASE_URL` too, so instances that
 * share a database must share `AUTH_JWT_SECRET` instead.
 *
 * @example
 * const config = loadConfig(process.env);
 * const database = await openDatabase({ url: config.databaseUrl });
 * const app = createChatServer({ ...serverOptionsFromConfig(config), database, tools: [myTool] });
 */
export function serverOptionsFromConfig(config: ServerConfig): Omit<ChatServerOptions, 'database'> {
  const provider = config.provider;
  return {
    provider:
      provider.kind === 'demo'
        ? createDemoProvider({ delayMs: provider.delayMs })
        : createOpenAICompatibleProvider({
            baseUrl: provider.baseUrl,
            apiKey: provider.apiKey,
            // OpenRouter's optional attribution header; other providers get none.
            headers: provider.openRouter ? { 'X-Title': 'Parley' } : {},
          }),
    providerModel: provider.kind === 'demo' ? 'demo' : provider.model,
    models: config.models,
    auth: {
      jwtSecret: config.jwtSecret ?? readOrCreateSecret(config.dataDir),
      guests: config.guests,
      guestTokenTtlSeconds: config.guestTokenTtlSeconds,
      trustProxy: config.trustProxy,
    },
    corsOrigins: config.corsOrigins,
    rateLimit: {
      store: config.rateLimit.store,
      newConversationsPerMinute: config.rateLimit.newConversationsPerMinute,
      messagesPerMinute: config.rateLimit.messagesPerMinute,
    },
    maxConcurrentStreamsPerUser: config.maxStreamsPerUser,
  };
}
