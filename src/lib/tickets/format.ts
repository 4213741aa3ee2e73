const TIME_ZONE = 'America/Bogota';

/** «sábado, 5 de diciembre de 2026, 7:00 p. m.» in Colombian time, for e-mails and plain text. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('es-CO', {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

export const seats = (n: number) => (n === 1 ? '1 boleta' : `${n} boletas`);
