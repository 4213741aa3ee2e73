import { describe, expect, it } from 'vitest';
import { pathMatcher } from '../../src/lib/http/path-pattern.ts';

describe('pathMatcher', () => {
  const match = pathMatcher(['/t/:slug', '/t/:slug/contacts', '/t/contacts/:id', '/t/forget']);

  it('prefers a literal segment over a parameter, whatever the declaration order', () => {
    expect(match('/t/forget')).toEqual({ path: '/t/forget', params: {} });
    expect(match('/t/contacts/12')).toEqual({ path: '/t/contacts/:id', params: { id: '12' } });
    expect(match('/t/encuesta/contacts')).toEqual({ path: '/t/:slug/contacts', params: { slug: 'encuesta' } });
    expect(match('/t/encuesta')).toEqual({ path: '/t/:slug', params: { slug: 'encuesta' } });
  });

  it('decodes params, ignores one trailing slash, and fits nothing else', () => {
    expect(match('/t/con%20espacio/')).toEqual({ path: '/t/:slug', params: { slug: 'con espacio' } });
    expect(match('/t/x/y/z')).toBeNull();
    expect(match('/t//contacts')).toBeNull();
    expect(match('/t/%E0%A4%A')).toBeNull();
    expect(match('/otro/x')).toBeNull();
  });
});
