export declare const CLI_BUNDLE: string;
export declare const CLI_BUNDLE_INPUTS: string;
export declare const CLI_BUNDLE_EXTRA_INPUTS: string[];
export declare function cliBundleStaleReason(root: string): string | null;
