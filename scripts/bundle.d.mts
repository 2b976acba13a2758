/** Types for scripts/bundle.mjs (imported by test/dist/bundle.test.ts). */
export declare const ROOT: string;
export declare const BUNDLE_DIR: string;
export declare const ENTRY_POINTS: Record<string, string>;
export interface BundleFile { path: string; contents: Uint8Array }
export declare function bundle(): Promise<{ files: BundleFile[]; externals: string[] }>;
export declare function writeBundle(): Promise<BundleFile[]>;
export declare function committedBundleFiles(): string[];
