import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

/**
 * The environment for a command run in a project of its own: without the `npm_*` variables that
 * `npm test` passes down, which would point a nested `npm install` at this repository
 * (`npm_config_local_prefix`) or its workspaces. The cache and the user's npm configuration stay.
 */
export function projectEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept = new Set([
    'npm_config_cache',
    'npm_config_userconfig',
    'npm_config_globalconfig',
    'npm_config_cafile',
  ]);
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('npm_') || kept.has(name)),
  );
  return { ...environment, ...extra };
}

/** Runs a command to its end; resolves with its exit code and output, whatever the code. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? projectEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}
