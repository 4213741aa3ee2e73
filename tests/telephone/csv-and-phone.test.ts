import { describe, expect, it } from 'vitest';
import { parseContactsCsv } from '../../src/lib/telephone/contacts-csv.ts';
import { csvCell, parseCsv } from '../../src/lib/csv.ts';
import { formatPhone, normalizeColombianPhone } from '../../src/lib/telephone/phone.ts';
import { parseBogotaDateTime, toBogotaInputValue } from '../../src/lib/bogota-time.ts';
import { toIsoDate } from '../../src/lib/telephone/schemas.ts';

describe('parseCsv (RFC 4180)', () => {
  it('reads a BOM, CRLF, semicolons and quoted fields with separators, quotes and line breaks inside', () => {
    const text = '\uFEFFa;b;c\r\n"Rojas; Luis";"dijo ""hola""";"dos\r\nlíneas"\r\nx;y;z\r\n';
    const parsed = parseCsv(text);
    expect(parsed).toEqual({
      ok: true,
      separator: ';',
      records: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['Rojas; Luis', 'dijo "hola"', 'dos\nlíneas'] },
        { line: 4, cells: ['x', 'y', 'z'] },
      ],
    });
  });

  it('numbers records by the line they start on, skipping blank lines but counting them', () => {
    const parsed = parseCsv('a,b\n\n1,2\r\n\r\n3,4');
    expect(parsed.ok && parsed.records.map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it('takes the tab of cells pasted from a spreadsheet and the comma on a tie', () => {
    expect(parseCsv('a\tb\n1\t2').ok && (parseCsv('a\tb\n1\t2') as any).separator).toBe('\t');
    expect((parseCsv('a;b,c\n') as any).separator).toBe(',');
  });

  it('names the line of an unclosed quote or of text after a closing quote', () => {
    expect(parseCsv('a,b\n1,"abierta\n2,3')).toEqual({ ok: false, line: 2, message: expect.stringContaining('Fila 2') });
    expect(parseCsv('a,b\n"x"y,2')).toMatchObject({ ok: false, line: 2 });
  });

  it('writes cells a spreadsheet will not run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('Boletería, Leones')).toBe('"Boletería, Leones"');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(null)).toBe('');
  });
});

describe('Colombian phone numbers', () => {
  it.each([
    ['300 123 4567', '+573001234567'],
    ['+57 300-123-4567', '+573001234567'],
    ['(57) 3001234567', '+573001234567'],
    ['0057 315 000 0000', '+573150000000'],
    ['601 234 5678', '+576012345678'],
    ['(604) 444.5566', '+576044445566'],
    ['(1) 234 5678', '+576012345678'],
    ['4 4445566', '+576044445566'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeColombianPhone(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['234 5678', '200 123 4567', '603 234 5678', '+1 212 555 0100', '30012345', 'abc', ''])('refuses %s', (raw) => {
    expect(normalizeColombianPhone(raw).ok).toBe(false);
  });

  it('asks for the area code of a bare 7-digit landline and formats numbers for reading', () => {
    expect(normalizeColombianPhone('2345678')).toMatchObject({ ok: false, message: expect.stringContaining('indicativo') });
    expect(formatPhone('+573001234567')).toBe('+57 300 123 4567');
    expect(formatPhone('+576012345678')).toBe('+57 601 234 5678');
  });
});

describe('dates and times', () => {
  it('reads consent dates as ISO or day/month/year, only real ones', () => {
    expect(toIsoDate('2026-03-15')).toBe('2026-03-15');
    expect(toIsoDate('15/03/2026')).toBe('2026-03-15');
    expect(toIsoDate('5/3/2026')).toBe('2026-03-05');
    expect(toIsoDate('2026-02-30')).toBeNull();
    expect(toIsoDate('03/15/2026')).toBeNull();
  });

  it('reads a datetime-local value as Colombian time (UTC−5 all year)', () => {
    expect(parseBogotaDateTime('2026-11-25T15:30')?.toISOString()).toBe('2026-11-25T20:30:00.000Z');
    expect(parseBogotaDateTime('2026-07-01T08:00:00')?.toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(parseBogotaDateTime('2026-11-25T15:30:00Z')?.toISOString()).toBe('2026-11-25T15:30:00.000Z');
    expect(parseBogotaDateTime('2026-02-30T10:00')).toBeNull();
    expect(parseBogotaDateTime('mañana a las 3')).toBeNull();
    expect(toBogotaInputValue(new Date('2026-11-25T20:30:00Z'))).toBe('2026-11-25T15:30');
  });
});

describe('parseContactsCsv', () => {
  const header = 'nombre,telefono,servicio,base_consentimiento,fecha_consentimiento';

  it('maps columns in any order and normalises each field', () => {
    const text = 'Teléfono;Nombre;Servicio;Base consentimiento;Fecha-consentimiento\r\n300 123 4567;"  Ana   Rojas ";Boletería;Autorización previa;15/03/2026\r\n';
    expect(parseContactsCsv(text)).toEqual({
      ok: true,
      value: [{ line: 2, fullName: 'Ana Rojas', phone: '+573001234567', serviceUsed: 'Boletería', consentBasis: 'autorizacion_previa', consentedOn: '2026-03-15' }],
    });
  });

  it('reports every bad row by its line and field, in Spanish, and returns no rows', () => {
    const text = [
      header,
      'Ana,300 123 4567,Boletería,autorizacion_previa,2026-03-15',
      ',2345678,,porque si,2026-02-30',
      'Luis,300 123 4567,Asesoría,funcion_legal,2099-01-01',
      'solo,tres,columnas',
    ].join('\n');
    const result = parseContactsCsv(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation_failed');
    expect(Object.keys(result.error.fields!).sort()).toEqual(
      ['rows.3.consentBasis', 'rows.3.consentedOn', 'rows.3.fullName', 'rows.3.phone', 'rows.3.serviceUsed', 'rows.4.consentedOn', 'rows.5'].sort(),
    );
    expect(result.error.fields!['rows.3.phone']).toBe(
      'Fila 3, telefono: al fijo le falta el indicativo: escríbalo con 10 dígitos, por ejemplo 601 234 5678 en Bogotá.',
    );
    expect(result.error.fields!['rows.4.consentedOn']).toBe('Fila 4, fecha_consentimiento: no puede ser una fecha futura.');
    expect(result.error.fields!['rows.5']).toMatch(/^Fila 5: tiene 3 columnas y se esperaban 5/);
  });

  it('refuses a number twice in the same file, naming the first line', () => {
    const result = parseContactsCsv(`${header}\nAna,3001234567,X,autorizacion_previa,2026-01-01\nLuis,+57 300 123 4567,Y,autorizacion_previa,2026-01-01`);
    expect(!result.ok && result.error.fields).toEqual({ 'rows.3.phone': 'Fila 3, telefono: este número ya está en la fila 2 del archivo.' });
  });

  it('refuses a header with missing or extra columns (no more data than needed)', () => {
    const result = parseContactsCsv('nombre,telefono,cedula,servicio,base_consentimiento\nAna,3001234567,123,X,autorizacion_previa');
    expect(!result.ok && result.error.fields?.csv).toMatch(/faltan fecha_consentimiento; sobran cedula/);
    expect(!parseContactsCsv('').ok && (parseContactsCsv('') as any).error.fields.csv).toMatch(/vacío/);
    expect((parseContactsCsv(header) as any).error.fields.csv).toMatch(/solo tiene el encabezado/);
  });
});
