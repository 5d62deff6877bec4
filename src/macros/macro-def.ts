// The shape of one search macro definition, shared by the loaders, the built-ins and the library.
/** One search macro, as read from ESCU YAML or macros.conf. */
export interface MacroDef {
  name: string;
  /** Argument names, in call order; the macro's arity is `args.length`. */
  args: string[];
  /** The SPL text the call is replaced by, with `$arg$` placeholders. */
  definition: string;
  /** `iseval = true` in macros.conf: the definition is an eval expression (not supported by expansion). */
  iseval: boolean;
  /** Where the definition came from: a file path, plus `:line` for macros.conf. */
  origin: string;
  description?: string;
  /** macros.conf `validation` / `errormsg`: kept for reference, not evaluated. */
  validation?: string;
  errormsg?: string;
}
