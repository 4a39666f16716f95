// Types for chromium.js, which stays JavaScript so that web-test-runner's config can load it.
export declare const chromiumPath: string;
export declare const chromiumArgs: string[];
