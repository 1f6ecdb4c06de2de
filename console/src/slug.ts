// Ids made from names ("Neuer Saal" → "neuer-saal"): stable, readable in exports and URLs.
export function slug(name: string, fallback: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 40)
      .replace(/^-+|-+$/g, '') || fallback
  );
}
