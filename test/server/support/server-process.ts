/**
 * The real server as `npm run serve` starts it, in a child process: the build of
 * scripts/build-server.ts (which `npm run test:node` makes first), ready once it logs `started`,
 * and stopped with SIGTERM (SIGKILL if it hangs) even when a test fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { serverArguments } from '../../../scripts/build-server.js';

export interface ServerProcess {
  url: string;
  /** Every line the server wrote to stdout and stderr so far. */
  output: string[];
  stop(): Promise<void>;
  /** kill -9: no shutdown work at all, as in a crash. */
  kill(): Promise<void>;
  /** Sends a signal, as `kill -HUP <pid>` does. */
  signal(name: NodeJS.Signals): void;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, serverArguments, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', SMTP_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output.join('\n')}`)),
      60_000,
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { event?: string; port?: number };
      if (entry.event === 'started') {
        clearTimeout(timer);
        resolve(entry.port!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output.join('\n')}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  const kill = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return {
    url: `http://127.0.0.1:${port}`,
    output,
    stop,
    kill,
    signal: (name) => void child.kill(name),
  };
}
