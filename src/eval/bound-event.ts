// An event view with one field bound to a single value, for mvfilter/mvmap expressions evaluated per value.
import { Event, type FieldValue, type Scalar } from '../runtime/event.js';

/**
 * Reads through to `base` except for the bound field. Only the read side (get/has/names) is meaningful;
 * one instance is reused for every value of a multivalue (rebind with `value`).
 */
export class BoundEvent extends Event {
  value: Scalar = '';

  constructor(
    private readonly base: Event,
    private readonly boundName: string,
  ) {
    super(undefined, base.rawText);
  }

  override get(name: string): FieldValue | undefined {
    return name === this.boundName ? this.value : this.base.get(name);
  }

  override has(name: string): boolean {
    return name === this.boundName || this.base.has(name);
  }

  override names(): string[] {
    const names = this.base.names();
    return names.includes(this.boundName) ? names : [...names, this.boundName];
  }
}
