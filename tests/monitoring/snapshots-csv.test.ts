import { describe, expect, it } from 'vitest';
import { parseSnapshotsCsv } from '../../src/lib/monitoring/staff/snapshots-csv.ts';

const fieldsOf = (text: string) => {
  const result = parseSnapshotsCsv(text);
  if (result.ok) throw new Error('expected the file to be refused');
  expect(result.error.code).toBe('validation_failed');
  return result.error.fields ?? {};
};

describe('social snapshots CSV', () => {
  it('reads every row: separators, dates as typed in Colombia, thousands separators, optional columns and network names', () => {
    const result = parseSnapshotsCsv(
      '\uFEFFRed;Fecha;Seguidores;Publicaciones;Alcance;Interacciones\r\nFacebook;31/10/2026;19.874;21;53.800;3120\r\nTwitter;2026-10-31;6295;;;\r\n',
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { line: 2, network: 'facebook', measuredOn: '2026-10-31', followers: 19874, posts: 21, reach: 53800, engagement: 3120 },
        { line: 3, network: 'x', measuredOn: '2026-10-31', followers: 6295 },
      ],
    });
  });

  it('takes a file with only the three required columns', () => {
    const result = parseSnapshotsCsv('red,fecha,seguidores\nlinkedin,2026-09-30,910\n');
    expect(result.ok && result.value).toEqual([{ line: 2, network: 'linkedin', measuredOn: '2026-09-30', followers: 910 }]);
  });

  it('names the row and the column of every error at once', () => {
    const fields = fieldsOf(
      [
        'red,fecha,seguidores,publicaciones,alcance,interacciones',
        'facebook,2026-10-31,19874,21,53800,3120',
        'myspace,2026-10-31,100,,,',
        'instagram,31/02/2026,1.5,,,',
        'x,2099-01-01,-4,2,,abc',
        'facebook,2026-10-31,19900,,,',
        'tiktok,2026-10-31',
      ].join('\n'),
    );
    expect(fields).toEqual({
      'rows.3.red': 'Fila 3, columna red: elija una red: Facebook, Instagram, X, TikTok, YouTube, LinkedIn o WhatsApp.',
      'rows.4.fecha': 'Fila 4, columna fecha: escriba una fecha real como 2026-03-15 o 15/03/2026.',
      'rows.4.seguidores': 'Fila 4, columna seguidores: escriba los seguidores como un número entero, sin decimales.',
      'rows.5.fecha': 'Fila 5, columna fecha: la fecha de la medición no puede ser futura.',
      'rows.5.seguidores': 'Fila 5, columna seguidores: escriba los seguidores como un número entero, sin decimales.',
      'rows.5.interacciones': 'Fila 5, columna interacciones: escriba las interacciones como un número entero, sin decimales.',
      'rows.6.fecha': 'Fila 6, columna fecha: la red y la fecha ya están en la fila 2.',
      'rows.7': 'Fila 7: tiene 2 columnas y se esperaban 6. Revise los separadores y las comillas.',
    });
  });

  it('counts blank lines when it numbers the rows, as a spreadsheet does', () => {
    expect(Object.keys(fieldsOf('red,fecha,seguidores\n\nfacebook,ayer,10\n'))).toEqual(['rows.3.fecha']);
  });

  it('explains a wrong header and an empty file', () => {
    expect(fieldsOf('red,dia,seguidores,likes\nfacebook,2026-10-31,1,2\n').csv).toBe(
      'Fila 1 (encabezado): faltan fecha; no conocemos dia, likes. Use estas columnas: red,fecha,seguidores,publicaciones,alcance,interacciones (las tres últimas son opcionales).',
    );
    expect(fieldsOf('red,fecha,seguidores\n').csv).toMatch(/solo tiene el encabezado/);
    expect(fieldsOf('').csv).toMatch(/está vacío/);
    expect(fieldsOf('red,fecha,seguidores\n"facebook,2026-10-31,1\n').csv).toMatch(/^Fila 2: unas comillas se abren/);
  });
});
