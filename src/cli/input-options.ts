// CLI input options that shape events: --alias, --set, --props, --preset and --format (the scan plan reads them).

export interface MappingCliOptions {
  alias: string[];
  set: string[];
  props?: string;
  preset?: string;
  format?: string;
}
