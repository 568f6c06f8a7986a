import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseFrameAncestors } from './demo-page/demo-page-policy';
import { parseTrustProxy, type TrustProxy } from './http/client-address';
import type { ModelConfig } from './models/types';

/** A configuration problem, told in one line at start-up. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')
  .optional();

const envSchema = z.object({
  PORT: integer(3000, 0, 65_535),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .url()
    .refine((url) => /^postgres(ql)?:/.test(url), 'must be a postgres:// URL')
    .optional(),
  PARLEY_DATA_DIR: z.string().min(1).default('.parley-data'),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PARLEY_GUESTS: boolean,
  PARLEY_GUEST_TTL_SECONDS: integer(3_600, 60, 86_400 * 30),
  TRUST_PROXY: z
    .string()
    .transform((value, context) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  CORS_ORIGINS: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENROUTER_API_KEY: z.string().min(1).optional(),
  CHAT_MODEL: z.string().min(1).optional(),
  PARLEY_DEMO_DELAY_MS: integer(30, 0, 10_000),
  PARLEY_MODELS_FILE: z.string().min(1).optional(),
  RATE_LIMIT_STORE: z.enum(['memory', 'postgres']).default('memory'),
  RATE_LIMIT_NEW_PER_MINUTE: integer(10, 1, 1_000_000),
  RATE_LIMIT_MESSAGES_PER_MINUTE: integer(30, 1, 1_000_000),
  MAX_STREAMS_PER_USER: integer(3, 1, 10_000),
  REQUEST_TIMEOUT_MS: integer(30_000, 100, 3_600_000),
  PARLEY_FRAME_ANCESTORS: z
    .string()
    .transform((value, context) => {
      try {
        return parseFrameAncestors(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
});

const modelsFileSchema = z.array(
  z.object({
    id: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
    name: z.string().min(1),
    description: z.string().default(''),
    systemPrompt: z.string().optional(),
    providerModel: z.string().optional(),
  }),
);

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** `AUTH_JWT_SECRET`; when unset, the one kept in `dataDir` (see `serverOptionsFromConfig`). */
  jwtSecret: string | undefined;
  guests: boolean;
  guestTokenTtlSeconds: number;
  /** Which proxies' `X-Forwarded-For` to believe (set it only behind proxies you run). */
  trustProxy: TrustProxy;
  corsOrigins: string[];
  provider:
    | {
        kind: 'openai-compatible';
        baseUrl: string;
        apiKey: string | undefined;
        model: string;
        openRouter: boolean;
      }
    | { kind: 'demo'; delayMs: number };
  models: ModelConfig[] | undefined;
  rateLimit: { store: 'memory' | 'postgres'; newConversationsPerMinute: number; messagesPerMinute: number };
  maxStreamsPerUser: number;
  /** Time a client has to send a request's headers and body (`listen`'s `requestTimeoutMs`). */
  requestTimeoutMs: number;
  /** CSP `frame-ancestors` of the CLI's demo page; unset: its own origin only. */
  frameAncestors: string[] | undefined;
}

/** Reads the environment; throws a `ConfigError` naming the variable at fault. */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.')} ${issue.message}.`);
  }
  const values = parsed.data;
  const openRouter = values.OPENROUTER_API_KEY !== undefined && values.OPENAI_BASE_URL === undefined;
  const configured =
    openRouter || values.OPENAI_BASE_URL !== undefined || values.OPENAI_API_KEY !== undefined;
  const provider: ServerConfig['provider'] = configured
    ? {
        kind: 'openai-compatible',
        baseUrl:
          values.OPENAI_BASE_URL ??
          (openRouter ? 'https://openrouter.ai/api/v1' : 'https://api.openai.com/v1'),
        apiKey: values.OPENAI_API_KEY ?? values.OPENROUTER_API_KEY,
        model: values.CHAT_MODEL ?? (openRouter ? 'openai/gpt-4o-mini' : 'gpt-4o-mini'),
        openRouter,
      }
    : { kind: 'demo', delayMs: values.PARLEY_DEMO_DELAY_MS };
  return {
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    dataDir: values.PARLEY_DATA_DIR,
    jwtSecret: values.AUTH_JWT_SECRET,
    // Zero-setup default: with no auth configured, visitors get guest tokens.
    guests: values.PARLEY_GUESTS ?? values.AUTH_JWT_SECRET === undefined,
    guestTokenTtlSeconds: values.PARLEY_GUEST_TTL_SECONDS,
    trustProxy: values.TRUST_PROXY ?? false,
    corsOrigins: (values.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    provider,
    models: values.PARLEY_MODELS_FILE ? readModels(values.PARLEY_MODELS_FILE) : undefined,
    rateLimit: {
      store: values.RATE_LIMIT_STORE,
      newConversationsPerMinute: values.RATE_LIMIT_NEW_PER_MINUTE,
      messagesPerMinute: values.RATE_LIMIT_MESSAGES_PER_MINUTE,
    },
    maxStreamsPerUser: values.MAX_STREAMS_PER_USER,
    requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
    frameAncestors: values.PARLEY_FRAME_ANCESTORS,
  };
}

function readModels(path: string): ModelConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration: PARLEY_MODELS_FILE ${path} is not readable JSON (${(error as Error).message}).`,
    );
  }
  const parsed = modelsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(
      `Invalid configuration: PARLEY_MODELS_FILE at [${issue.path.join('.')}] ${issue.message}.`,
    );
  }
  return parsed.data;
}
