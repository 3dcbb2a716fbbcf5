import { promises as fs } from 'node:fs';

/**
 * The worker has no HTTP port, so its container healthcheck reads a file: this writes the time to it after the
 * worker has reached PostgreSQL and Redis, every `everyMs`. A stale file (a hung event loop, a lost database)
 * marks the container unhealthy and the restart policy replaces it.
 */
export class WorkerHeartbeat {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly file: string,
    private readonly checks: Array<() => Promise<unknown>>,
    private readonly everyMs = 15_000,
  ) {}

  /** One beat: true when every check passed and the file was written. */
  async beat(): Promise<boolean> {
    try {
      for (const check of this.checks) await check();
      await fs.writeFile(this.file, new Date().toISOString());
      return true;
    } catch {
      return false;
    }
  }

  start(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
