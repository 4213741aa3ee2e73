/** SMTP in production (`SMTP_URL`), else the local mailbox shown at /staff/correo. Apart so pages skip nodemailer. */
export function activeSenderKind(): 'smtp' | 'local' {
  return process.env.SMTP_URL ? 'smtp' : 'local';
}
