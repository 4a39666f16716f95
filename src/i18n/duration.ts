/**
 * A wait or a lifetime in words, with the language's own plural forms ("1 second", "42 seconden",
 * "15 minuter") from the platform's CLDR data, so that no message needs plural rules of its own.
 * Seconds under a minute, minutes under an hour, else hours; rounded up, so that nobody is told to
 * wait too little.
 */
export function formatDuration(seconds: number, locale: string): string {
  const [value, unit] =
    seconds < 60
      ? [seconds, 'second']
      : seconds < 3600
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
