/**
 * One namespace of interface strings, zh first. English must have exactly the Chinese keys:
 * a missing one is a type error here, an extra one an excess-property error (and the unit test checks both at run time).
 */
export interface Messages<K extends string> {
  zh: Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<K extends string>(messages: { zh: Record<K, string>; en: Record<NoInfer<K>, string> }): Messages<K> {
  return messages;
}
