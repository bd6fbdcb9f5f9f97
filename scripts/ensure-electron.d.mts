// Types of ensure-electron.mjs (plain JavaScript, run by npm before start/dev).
export function electronInstallation(require?: NodeJS.Require): { dir: string; version: string; binary: string | null };
export function downloadFailureReason(output: unknown): string;
export function ensureElectron(io?: { log?: (line: string) => void; error?: (line: string) => void }): number;
