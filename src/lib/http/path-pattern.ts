export type PathMatch = { path: string; params: Record<string, string> };

type Pattern = { path: string; parts: string[] };

const isParam = (part: string) => part.startsWith(':');

/** Params of `parts` if they fit the pattern: `:x` is any non-empty segment, other words must match. */
function fit(pattern: Pattern, parts: string[]): Record<string, string> | null {
  if (parts.length !== pattern.parts.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.parts.entries()) {
    if (!isParam(part)) {
      if (part !== parts[i]) return null;
    } else if (parts[i] === '') {
      return null;
    } else {
      params[part.slice(1)] = parts[i];
    }
  }
  return params;
}

/** A literal segment beats a parameter at the first place two patterns differ. */
function moreSpecific(a: Pattern, b: Pattern): number {
  if (a.parts.length !== b.parts.length) return a.parts.length - b.parts.length;
  const i = a.parts.findIndex((part, at) => isParam(part) !== isParam(b.parts[at]));
  return i < 0 ? 0 : isParam(a.parts[i]) ? 1 : -1;
}

/**
 * Which of `paths` (`/api/admin/telephone/:slug`, …) a pathname is, with its decoded params. Where two
 * fit, the more literal wins: "contacts/12" is a contact, not the survey "contacts".
 */
export function pathMatcher(paths: readonly string[]): (pathname: string) => PathMatch | null {
  const patterns = [...new Set(paths)].map((path) => ({ path, parts: path.split('/') })).sort(moreSpecific);
  return (pathname) => {
    let parts: string[];
    try {
      parts = pathname.replace(/(.)\/$/, '$1').split('/').map(decodeURIComponent);
    } catch {
      return null;
    }
    for (const pattern of patterns) {
      const params = fit(pattern, parts);
      if (params) return { path: pattern.path, params };
    }
    return null;
  };
}
