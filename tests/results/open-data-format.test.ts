import { describe, expect, it } from 'vitest';
import { csvLine, dictionaryCsv, layOut, openDataCsv, openDataJson, type OpenDataPage } from '../../src/lib/results/open-data.ts';
import { shareLinks } from '../../src/lib/social/share-links.ts';
import { parseCsv } from './csv.ts';

const page: OpenDataPage = {
  slug: 'prueba',
  title: 'Prueba',
  description: '',
  planActivity: '1.1',
  status: 'open',
  publishedAt: '2026-11-24T12:00:00.000Z',
  generatedAt: '2026-11-24T12:00:00.000Z',
  license: 'CC BY 4.0',
  licenseUrl: 'https://creativecommons.org/licenses/by/4.0/deed.es',
  total: 2,
  offset: 0,
  columns: ['respuesta', 'fecha', 'canal', 'fuente', 'medio', 'saldo', 'comentario'],
  dictionary: [
    { column: 'medio', question: '¿Cómo se enteró?', type: 'single_choice', values: [{ value: 'web', label: 'Sitio web' }], description: 'Una opción.' },
    { column: 'saldo', question: 'Saldo', type: 'number', values: [], description: 'Número.' },
    { column: 'comentario', question: 'Comentario, "libre"', type: 'long_text', values: [], description: 'Texto.' },
  ],
  rows: [
    [1, '2026-11-24', 'web', null, { '5': 'web', '6': -3, '7': 'Dijo: "bien", y\nluego, nada' }],
    [2, '2026-11-25', 'social', 'x', { '7': '@alguien =SUMA(A1)' }],
  ],
};

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe('open data files', () => {
  it('lay the sparse cells out in column order, absent ones empty', () => {
    expect(layOut(page.columns, page.rows[1])).toEqual([2, '2026-11-25', 'social', 'x', null, null, '@alguien =SUMA(A1)']);
  });

  it('write RFC 4180 CSV: BOM, CRLF, quotes doubled, commas and line breaks quoted', async () => {
    const csv = await collect(openDataCsv(page));
    expect(csv.startsWith('\uFEFFrespuesta,fecha,canal,fuente,medio,saldo,comentario\r\n')).toBe(true);
    expect(csv).toContain('1,2026-11-24,web,,web,-3,"Dijo: ""bien"", y\nluego, nada"\r\n');
    expect(parseCsv(csv)[1]).toEqual(['1', '2026-11-24', 'web', '', 'web', '-3', 'Dijo: "bien", y\nluego, nada']);
  });

  it('keep formulas in free text from running in a spreadsheet, and leave negative numbers alone', async () => {
    const rows = parseCsv(await collect(openDataCsv(page)));
    expect(rows[2][6]).toBe("'@alguien =SUMA(A1)");
    expect(rows[1][5]).toBe('-3');
  });

  it('write the JSON download as one object per response with the dictionary', async () => {
    const json = JSON.parse(await collect(openDataJson(page)));
    expect(json).toMatchObject({ slug: 'prueba', license: 'CC BY 4.0', columns: page.columns });
    expect(json.rows[0]).toEqual({ respuesta: 1, fecha: '2026-11-24', canal: 'web', fuente: null, medio: 'web', saldo: -3, comentario: 'Dijo: "bien", y\nluego, nada' });
    expect(json.dictionary).toHaveLength(3);
    expect(json.rows[1].comentario).toBe('@alguien =SUMA(A1)');
  });

  it('write the dictionary with allowed values as value=label', () => {
    const rows = parseCsv(dictionaryCsv(page));
    expect(rows[0]).toEqual(['columna', 'pregunta', 'tipo', 'valores_permitidos', 'descripcion']);
    expect(rows[1]).toEqual(['medio', '¿Cómo se enteró?', 'single_choice', 'web=Sitio web', 'Una opción.']);
    expect(rows[3][1]).toBe('Comentario, "libre"');
    expect(csvLine([null, 0, 'a'])).toBe(',0,a\r\n');
  });
});

describe('share links', () => {
  it('tag the survey address with the network, medium and campaign', () => {
    const links = shareLinks('oferta-de-servicios', 'https://participa.agencia.gov.co/');
    expect(links.map((l) => l.network)).toEqual(['facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube']);
    expect(links[0].url).toBe('https://participa.agencia.gov.co/encuestas/oferta-de-servicios?utm_source=facebook&utm_medium=social&utm_campaign=oferta-de-servicios');
    expect(links[2]).toMatchObject({ network: 'x', label: 'X' });
  });
});
