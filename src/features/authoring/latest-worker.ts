import type { AuthoringJob, ValidateResponse } from './validate.worker';

type Kind = AuthoringJob['kind'];
interface Pending {
  id: number;
  job: AuthoringJob;
  settle: (v: ValidateResponse | null) => void;
}

/**
 * The workspace's one module worker (validation and design analysis), latest wins per kind of job:
 * a job while another of its kind runs replaces the worker (the older answer is stale), so a long
 * job on a big file never holds up the next one; the other kind's job still waiting is handed to
 * the new worker. `broken` once the worker could not load or crashed: callers then work here.
 */
export class LatestWorker {
  private worker: Worker | null = null;
  private pending = new Map<Kind, Pending>();
  private next = 0;
  broken = false;

  constructor(private readonly create: () => Worker) {}

  private start(): Worker {
    const w = this.create();
    w.onmessage = (e: MessageEvent<ValidateResponse>) => {
      for (const [kind, p] of this.pending)
        if (p.id === e.data.id) {
          this.pending.delete(kind);
          p.settle(e.data);
        }
    };
    w.onerror = (e) => {
      // The worker could not load or crashed: the callers work on this thread from now on.
      e.preventDefault();
      this.broken = true;
      this.worker?.terminate();
      this.worker = null;
      const all = [...this.pending.values()];
      this.pending.clear();
      for (const p of all) p.settle(null);
    };
    return w;
  }

  /** The answer, or null when a newer job of its kind replaced this one or the worker broke. */
  request(job: AuthoringJob): Promise<ValidateResponse | null> {
    const stale = this.pending.get(job.kind);
    if (stale) {
      // Stop it rather than queue behind it; a job of the other kind starts again in the new worker.
      this.pending.delete(job.kind);
      this.worker?.terminate();
      this.worker = this.start();
      for (const p of this.pending.values()) this.worker.postMessage({ ...p.job, id: p.id });
      stale.settle(null);
    }
    this.worker ??= this.start();
    const id = ++this.next;
    return new Promise((settle) => {
      this.pending.set(job.kind, { id, job, settle });
      this.worker!.postMessage({ ...job, id });
    });
  }
}

let shared: LatestWorker | null = null;

/** The workspace's worker, or null where there is none (the component tests' jsdom). */
export const authoringWorker = (): LatestWorker | null =>
  typeof Worker === 'undefined'
    ? null
    : (shared ??= new LatestWorker(
        () => new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' }),
      ));
