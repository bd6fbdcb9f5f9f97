// Types of check-node.mjs (plain JavaScript so that old Node versions can run it).
export function requiredNodeVersion(): string;
export function isAtLeast(found: string, required: string): boolean;
export function nodeVersionProblem(found: string, required: string): string | null;
export function assertNodeVersion(): void;
