/** What the staff results pages say after each form (the `?ok=` keys that admin-results.ts redirects with). */
export const RESULTS_NOTICES: Record<string, string> = {
  publicacion: 'Publicación actualizada.',
  revision: 'Revisión guardada.',
  seguidores: 'Seguidores registrados.',
};
