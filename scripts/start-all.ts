import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

/** `npm start`: the api and the worker from the built code, as two processes; one dying stops both. */
export function startAll(env: NodeJS.ProcessEnv = process.env): { api: ChildProcess; worker: ChildProcess; stop: () => void } {
  const root = path.resolve(__dirname, '..');
  const api = spawn(process.execPath, [path.join(root, 'apps/api/src/main.js')], { env, stdio: 'inherit' });
  const worker = spawn(process.execPath, [path.join(root, 'apps/worker/src/main.js')], { env, stdio: 'inherit' });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    api.kill('SIGTERM');
    worker.kill('SIGTERM');
  };
  for (const child of [api, worker]) {
    child.on('exit', (code) => {
      if (!stopping) {
        console.error(`a process exited with code ${code}; stopping`);
        stop();
        process.exitCode = code ?? 1;
      }
    });
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { api, worker, stop };
}

if (require.main === module) startAll();
