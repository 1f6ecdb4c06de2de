// Command lines read with node:util parseArgs (the registry server, its operator CLI, the
// benchmark) say what is wrong in one sentence: node's own, without its advice on quoting.

/** "Unknown option '--prot'.", "Option '--port <value>' argument missing." … */
export function argsProblem(err: unknown): string {
  const said = String((err as Error)?.message ?? err)
    .replace(/\.?\s*To specify .*$/s, '')
    .replace(/\s*\n\s*/g, ' ');
  return /[.?!]$/.test(said) ? said : `${said}.`;
}
