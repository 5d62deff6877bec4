// The rounds of a member's pre-run subsearches: each subsearch runs one round after the last one nested inside it, so siblings share a round.
import type { CompiledSubsearch } from '../engine/subsearch.js';

/** Whether `target` is reachable from `root` through plain properties (an AST node held by identity). */
export function holdsNode(root: unknown, target: object, seen = new Set<object>()): boolean {
  if (root === null || typeof root !== 'object' || seen.has(root)) return false;
  if (root === target) return true;
  seen.add(root);
  for (const value of Object.values(root)) if (holdsNode(value, target, seen)) return true;
  return false;
}

/**
 * The subsearches (innermost first, as compiled) in levels: level 0 holds the subsearches with none of the others
 * nested inside them, level k those whose deepest nested one is on level k-1. A subsearch whose AST is unknown
 * goes one level past every one before it (the order as compiled, one per round: the plain fallback).
 */
export function subsearchLevels(subs: readonly CompiledSubsearch[]): CompiledSubsearch[][] {
  const level: number[] = [];
  subs.forEach((sub, j) => {
    let at = 0;
    for (let i = 0; i < j; i++) {
      const inner = subs[i]!;
      const nested = !sub.ast || !inner.ast || holdsNode(sub.ast, inner.ast);
      if (nested) at = Math.max(at, level[i]! + 1);
    }
    level.push(at);
  });
  const out: CompiledSubsearch[][] = [];
  subs.forEach((sub, j) => (out[level[j]!] ??= []).push(sub));
  return out;
}
