import { createChatServer } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/open-database';
import { mountDemoPage } from './routes/demo-page';
import { createJsonLogger } from './logger';
import { closeOnSignals, listen } from './node-server';
import { serverOptionsFromConfig } from './server-options-from-config';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createJsonLogger();
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  const app = createChatServer({ ...serverOptionsFromConfig(config), database, logger });
  mountDemoPage(app, { frameAncestors: config.frameAncestors });
  const server = await listen(app, config.port, config.host, { requestTimeoutMs: config.requestTimeoutMs });
  const storage = config.databaseUrl ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  const answering =
    config.provider.kind === 'demo'
      ? 'the built-in demo model (offline)'
      : `${config.provider.model} via ${config.provider.baseUrl}`;
  process.stdout.write(`Parley is running at ${server.url}/ on ${storage}, answering with ${answering}.\n`);

  closeOnSignals({ app, server, database });
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? error.message : `Parley could not start: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
