/**
 * A model's attribute by name, only if the model declares it. `attributes[name]` and
 * `name in attributes` also find `__proto__`, `constructor`, `toString`, … on every object, and
 * such a name then reached SQL as a column (a 500). Every check of a field name a request sends
 * goes through here.
 */
export const ownAttribute = <Attribute>(
  attributes: Readonly<Record<string, Attribute>> | undefined,
  name: string,
): Attribute | undefined =>
  attributes !== undefined && Object.prototype.hasOwnProperty.call(attributes, name)
    ? attributes[name]
    : undefined;
