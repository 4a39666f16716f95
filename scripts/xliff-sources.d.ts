// Types for xliff-sources.js, which stays JavaScript so that check-i18n.js runs on plain node.
export declare function xliffSources(xliff: string): Map<string, string>;
export declare function staleSources(extracted: string, committed: string): string[];
