/**
 * Parameter references in node configs. Any config value may be written as
 * `{ "$param": "autoApproveScore" }`: the node then uses the flow parameter's
 * current value, and a business owner can change it without editing the node.
 */
export interface ParamRef {
  name: string
  path: (string | number)[]
}

export function isParamRef(value: unknown): value is { $param: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { $param?: unknown }).$param === 'string'
}

/** Every `$param` reference inside a config, with where it is. */
export function findParamRefs(config: unknown, path: (string | number)[] = []): ParamRef[] {
  if (isParamRef(config)) return [{ name: config.$param, path }]
  if (Array.isArray(config)) return config.flatMap((item, i) => findParamRefs(item, [...path, i]))
  if (typeof config === 'object' && config !== null) {
    return Object.entries(config).flatMap(([key, value]) => findParamRefs(value, [...path, key]))
  }
  return []
}

/** A copy of `config` with each reference replaced by the parameter's value (unknown ones stay). */
export function substituteParamRefs(config: unknown, values: Readonly<Record<string, unknown>>): unknown {
  if (isParamRef(config)) return Object.hasOwn(values, config.$param) ? values[config.$param] : config
  if (Array.isArray(config)) return config.map((item) => substituteParamRefs(item, values))
  if (typeof config === 'object' && config !== null) {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(config)) out[key] = substituteParamRefs(value, values)
    return out
  }
  return config
}
