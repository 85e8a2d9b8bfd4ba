import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface RunningOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** Starts tests/helpers/oidcProvider.mjs (a real oidc-provider) and waits for its issuer URL. */
export async function startOidcProvider(opts: {
  redirectUri: string;
  accounts: Record<string, { email: string; email_verified: boolean }>;
}): Promise<RunningOidcProvider> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'oidcProvider.mjs')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      OIDC_TEST_REDIRECT_URI: opts.redirectUri,
      OIDC_TEST_ACCOUNTS: JSON.stringify(opts.accounts),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ISSUER (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`OIDC provider exited (${code}): ${stderr}`)));
  });
  return {
    issuer,
    clientId: 'caredesk',
    clientSecret: 'caredesk-test-secret',
    async close() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
