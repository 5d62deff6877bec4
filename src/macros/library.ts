// The macro library: macro definitions keyed by name and arity, with their argument templates compiled once.
import { BUILTIN_MACROS } from './builtin.js';
import { loadMacroFiles } from './load.js';
import { compileTemplate, type MacroTemplate } from './template.js';
import type { MacroDef } from './macro-def.js';

export type { MacroDef } from './macro-def.js';

/** A macro definition plus its compiled argument template. */
export interface CompiledMacro {
  def: MacroDef;
  template: MacroTemplate;
}

/** The display name used in hints and listings: `name` for arity 0, `name(N)` otherwise. */
export function macroDisplayName(name: string, arity: number): string {
  return arity === 0 ? name : `${name}(${arity})`;
}

export class MacroLibrary {
  private readonly byKey = new Map<string, CompiledMacro>();
  private readonly aritiesByName = new Map<string, Set<number>>();

  /**
   * Read macro definitions from files or folders (ESCU `*.yml`/`*.yaml`, `macros.conf`); later files win.
   * Unless `builtins` is false, the built-in macros (e.g. CIM's `drop_dm_object_name(1)`) come first.
   */
  static load(paths: string[], opts: { builtins?: boolean } = {}): MacroLibrary {
    const lib = new MacroLibrary();
    if (opts.builtins ?? true) for (const def of BUILTIN_MACROS) lib.add(def);
    for (const def of loadMacroFiles(paths)) lib.add(def);
    return lib;
  }

  /** Add or replace the macro with this name and arity. */
  add(def: MacroDef): void {
    this.byKey.set(macroDisplayName(def.name, def.args.length), {
      def,
      template: compileTemplate(def.definition, def.args),
    });
    let arities = this.aritiesByName.get(def.name);
    if (!arities) this.aritiesByName.set(def.name, (arities = new Set()));
    arities.add(def.args.length);
  }

  lookup(name: string, arity: number): MacroDef | undefined {
    return this.byKey.get(macroDisplayName(name, arity))?.def;
  }

  /** The definition with its compiled template, for expansion. */
  lookupCompiled(name: string, arity: number): CompiledMacro | undefined {
    return this.byKey.get(macroDisplayName(name, arity));
  }

  /** The arities defined for `name`, ascending (empty when the name is unknown). */
  aritiesOf(name: string): number[] {
    return [...(this.aritiesByName.get(name) ?? [])].sort((a, b) => a - b);
  }

  /** Every macro as `name` (arity 0) or `name(N)`. */
  names(): string[] {
    return [...this.byKey.keys()];
  }

  /** The distinct macro names, without arity. */
  baseNames(): string[] {
    return [...this.aritiesByName.keys()];
  }

  get size(): number {
    return this.byKey.size;
  }
}
