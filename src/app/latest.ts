/** Thrown into work whose answer came after newer work began; `dropSuperseded` swallows it. */
class Superseded extends Error {}

/**
 * The one guard against stale answers. Each `next()` begins anew: an answer to work begun
 * before it (a tenant's settings, a step's request, a theme pack) is dropped, not applied.
 */
export class Latest {
  #generation = 0;

  next(): void {
    this.#generation++;
  }

  /** What `work` settles on, unless `next()` was called meanwhile: then it rejects with `Superseded`. */
  async fresh<T>(work: T | Promise<T>): Promise<T> {
    const generation = this.#generation;
    const value = await work;
    if (generation !== this.#generation) throw new Superseded();
    return value;
  }
}

/** A catch handler: superseded work ends quietly; any other error goes on. */
export function dropSuperseded(error: unknown): void {
  if (!(error instanceof Superseded)) throw error;
}
