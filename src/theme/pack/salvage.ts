/**
 * What is still usable of a data file that failed its schema: every field that passes on its own,
 * object by object and record entry by record entry. The checker reports the file's errors and
 * goes on with the rest, so that one run names every problem of a pack (schema, contrast, assets,
 * text), not the first kind it meets.
 */
import type * as z from 'zod/mini';

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  keyType?: z.ZodMiniType;
}

const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isRecord = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' && data !== null && !Array.isArray(data);

/**
 * The part of `data` that `schema` accepts, or undefined when nothing of it is usable. `required`
 * stands in for top-level fields that had to be dropped but without which nothing parses (a
 * manifest's id and name).
 */
export function salvage<T>(
  schema: z.ZodMiniType<T>,
  data: unknown,
  required: Record<string, unknown> = {},
): T | undefined {
  const whole = schema.safeParse(data);
  if (whole.success) return whole.data;
  const def = defOf(schema);
  if (def.type === 'optional' && def.innerType) {
    return data === undefined ? undefined : (salvage(def.innerType, data) as T | undefined);
  }
  if (!isRecord(data)) return undefined;
  const kept: Record<string, unknown> = { ...required };
  if (def.type === 'object' && def.shape) {
    for (const [key, field] of Object.entries(def.shape)) {
      if (!(key in data)) continue;
      const value = salvage(field, data[key]);
      if (value !== undefined) kept[key] = value;
    }
  } else if (def.type === 'record' && def.valueType && def.keyType) {
    for (const [key, entry] of Object.entries(data)) {
      if (!def.keyType.safeParse(key).success) continue;
      const value = salvage(def.valueType, entry);
      if (value !== undefined) kept[key] = value;
    }
  } else {
    return undefined;
  }
  // Checks on the object as a whole (a record's size, say) may still refuse what is left.
  const rest = schema.safeParse(kept);
  return rest.success ? rest.data : undefined;
}
