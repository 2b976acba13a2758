/** Inputs that made formerly quadratic paths take minutes, by size: shared by bench/growth.mjs and test/reliability/. */
export declare const SCALE_INPUTS: Record<string, (n: number) => string>;
