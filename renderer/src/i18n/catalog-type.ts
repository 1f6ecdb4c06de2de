// What a language file holds, the shape every en/de/fr/ru screen file satisfies. Apart from
// catalog.ts, which imports those files: they would otherwise import it back (a cycle).

/** Sections of words, nested. */
export type Catalog = { readonly [key: string]: string | Catalog };
