// Compiles a generated WebAssembly module (base64, built from assembly/ by scripts/build-wasm.mjs) once, or says it cannot run here.

/**
 * The compiled module, or null when this runtime cannot run it: no WebAssembly, or no SIMD (the modules' v128
 * instructions then do not validate).
 */
export function compileWasmModule(base64: string): WebAssembly.Module | null {
  if (typeof WebAssembly !== 'object') return null;
  const binary = Buffer.from(base64, 'base64');
  if (!WebAssembly.validate(binary)) return null;
  try {
    return new WebAssembly.Module(binary);
  } catch {
    return null;
  }
}
