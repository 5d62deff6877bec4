// Trigonometry and hyperbolic functions (radians): acos asin atan atan2 cos sin tan acosh asinh atanh cosh sinh tanh hypot.
import type { EvalFunction } from '../types.js';
import { numericBinaryFunction, numericFunction } from './define.js';

export const TRIG_FUNCTIONS: EvalFunction[] = [
  numericFunction('acos', Math.acos),
  numericFunction('asin', Math.asin),
  numericFunction('atan', Math.atan),
  numericBinaryFunction('atan2', Math.atan2),
  numericFunction('cos', Math.cos),
  numericFunction('sin', Math.sin),
  numericFunction('tan', Math.tan),
  numericFunction('acosh', Math.acosh),
  numericFunction('asinh', Math.asinh),
  numericFunction('atanh', Math.atanh),
  numericFunction('cosh', Math.cosh),
  numericFunction('sinh', Math.sinh),
  numericFunction('tanh', Math.tanh),
  numericBinaryFunction('hypot', Math.hypot),
];
