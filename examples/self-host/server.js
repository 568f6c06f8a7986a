#!/usr/bin/env node
// The Parley server inside your own Node program, for what the `parley-server` CLI cannot do:
// here, a tool of your own. Configuration comes from the environment, read by the same
// `loadConfig` the CLI uses, plus two requirements of a real deployment: a Postgres database
// and your own token secret. See README.md.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  closeOnSignals,
  ConfigError,
  createChatServer,
  DEFAULT_MODEL,
  defineTool,
  listen,
  loadConfig,
  openDatabase,
  serverOptionsFromConfig,
} from '@parley/server';
import { z } from 'zod';

// Variables from a .env file beside this one, if there is one; the environment wins over it.
const envFile = fileURLToPath(new URL('./.env', import.meta.url));
if (existsSync(envFile)) process.loadEnvFile(envFile);

/**
 * Whether the runtime knows a time zone, such as `Europe/Lisbon`.
 * @param {string} name
 */
function isTimeZone(name) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// A tool the model may call. The input is validated with the zod schema before `run` (its JSON
// schema is what the model sees); invalid arguments go back to the model as a failed call with
// the schema's message, so it can correct itself.
const getCurrentTime = defineTool({
  name: 'get_current_time',
  description: 'The current date and time in a time zone. Use it when the user asks what time or day it is.',
  input: z.object({
    timezone: z
      .string()
      .refine(isTimeZone, 'not a known IANA time zone')
      .default('UTC')
      .describe('An IANA time zone, such as Europe/Lisbon or America/New_York (default UTC).'),
  }),
  run: ({ timezone }, { signal }) => {
    signal.throwIfAborted();
    const now = new Date();
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      dateStyle: 'full',
      timeStyle: 'long',
    });
    return { timezone, utc: now.toISOString(), local: local.format(now) };
  },
});

function readConfig() {
  const config = loadConfig(process.env);
  if (!config.databaseUrl) {
    throw new ConfigError(
      'Invalid configuration: DATABASE_URL is required (postgres://user:password@host:5432/database).',
    );
  }
  if (!config.jwtSecret) {
    throw new ConfigError(
      'Invalid configuration: AUTH_JWT_SECRET is required (32 characters or more; your backend signs tokens with it).',
    );
  }
  return config;
}

let config;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

let database;
try {
  database = await openDatabase({ url: config.databaseUrl });
} catch (error) {
  console.error(`Parley could not open the database: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const app = createChatServer({
  // Provider, auth, CORS and limits from the environment, read the way the CLI reads them.
  ...serverOptionsFromConfig(config),
  database,
  // The general chat (/new, /c/{id}) gets the tool through its model...
  defaultModel: { ...DEFAULT_MODEL, name: 'Assistant', tools: [getCurrentTime] },
  // ...and model-specific chats (/m/{modelId}/…) through `tools`, after the built-in get_model_info.
  tools: [getCurrentTime],
});

const server = await listen(app, config.port, config.host, { requestTimeoutMs: config.requestTimeoutMs });
const answering =
  config.provider.kind === 'demo'
    ? 'the offline demo model (no provider configured)'
    : `${config.provider.model} via ${config.provider.baseUrl}`;
console.log(`Parley is running at ${server.url}/ on Postgres, answering with ${answering}.`);

// On SIGTERM (systemd, Docker) or Ctrl+C: let the answers being written finish and be saved,
// then close. A second signal exits at once.
closeOnSignals({ app, server, database });
