/**
 * Fields SDK 1.x once declared and no longer does (issue 14): no source states them and nothing read them —
 * `meetingTypes[].minutes.draftWithin`, `operations.agreedItems`, `operations.issueLists.cadence`,
 * `supervision.reminders.respondWithin`. A tenant's snapshot written before they went may still carry
 * them: the snapshot reader drops them before parsing, so that tenant keeps running. A plugin file that
 * declares one now is refused like any unknown key.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function without(o: unknown, key: string): unknown {
  if (!isObj(o) || !(key in o)) return o;
  const { [key]: _dropped, ...rest } = o;
  return rest;
}

function edit(o: Obj, key: string, fn: (v: unknown) => unknown): Obj {
  return key in o ? { ...o, [key]: fn(o[key]) } : o;
}

/** The snapshot without the retired fields; the same object when it carries none. */
export function withoutRetiredFields(data: unknown): unknown {
  if (!isObj(data)) return data;
  const has =
    (isObj(data.operations) &&
      ('agreedItems' in data.operations ||
        (isObj(data.operations.issueLists) && 'cadence' in data.operations.issueLists))) ||
    (isObj(data.supervision) && isObj(data.supervision.reminders) && 'respondWithin' in data.supervision.reminders) ||
    (Array.isArray(data.meetingTypes) &&
      data.meetingTypes.some((m) => isObj(m) && isObj(m.minutes) && 'draftWithin' in m.minutes));
  if (!has) return data;
  let out: Obj = data;
  out = edit(out, 'operations', (ops) =>
    isObj(ops) ? edit(without(ops, 'agreedItems') as Obj, 'issueLists', (l) => without(l, 'cadence')) : ops,
  );
  out = edit(out, 'supervision', (s) => (isObj(s) ? edit(s, 'reminders', (r) => without(r, 'respondWithin')) : s));
  out = edit(out, 'meetingTypes', (types) =>
    Array.isArray(types)
      ? types.map((m) => (isObj(m) ? edit(m, 'minutes', (minutes) => without(minutes, 'draftWithin')) : m))
      : types,
  );
  return out;
}
