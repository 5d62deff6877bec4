// Node's Buffer type where Node's types are loaded, else Uint8Array: the published .d.ts then compile without @types/node.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type NodeBuffer = typeof globalThis extends { Buffer: { isBuffer(obj: any): obj is infer B } } ? B : Uint8Array;
