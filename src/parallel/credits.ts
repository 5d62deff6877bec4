// Flow control for a unit's result batches: a sender may have at most `window` batches not yet taken by the main thread.

/** Batches a unit may have in flight (sent, not yet consumed): with the units ahead, this bounds the main thread's memory. */
export const BATCH_WINDOW = 4;
/** Events per result batch a unit sends. */
export const BATCH_EVENTS = 1024;

/** The sender's side: `sent` after each batch waits while the window is full; `ack` frees one place. */
export class Credits {
  private outstanding = 0;
  private waiter: (() => void) | null = null;

  constructor(private readonly window = BATCH_WINDOW) {}

  /** Count one batch sent; resolves once fewer than `window` batches are unacknowledged. */
  async sent(): Promise<void> {
    this.outstanding++;
    if (this.outstanding >= this.window) await new Promise<void>((resolve) => (this.waiter = resolve));
  }

  /** The main thread took one batch. */
  ack(): void {
    this.outstanding--;
    if (this.outstanding < this.window) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter?.();
    }
  }
}
