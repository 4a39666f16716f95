export function xliffSources(xliff: string): Map<string, string>;
export function staleSources(extracted: string, committed: string): string[];
