// The English text of each message as an XLIFF file records it, and what differs between two files.

/** Each trans-unit's id and its <source>, markup included. */
export function xliffSources(xliff) {
  const units = new Map();
  for (const match of xliff.matchAll(
    /<trans-unit id="([^"]+)"[^>]*>\s*<source>([\s\S]*?)<\/source>/g,
  )) {
    units.set(match[1], match[2]);
  }
  return units;
}

/** The ids whose English text in `committed` is not the code's (`extracted`), or that only one has. */
export function staleSources(extracted, committed) {
  const fresh = xliffSources(extracted);
  const kept = xliffSources(committed);
  const ids = new Set([...fresh.keys(), ...kept.keys()]);
  return [...ids].filter((id) => fresh.get(id) !== kept.get(id)).sort();
}
