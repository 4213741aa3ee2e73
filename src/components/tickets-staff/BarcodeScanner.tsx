import { useEffect, useRef, useState } from 'preact/hooks';

// The Shape Detection API is not in TypeScript's DOM library yet.
type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> };
declare global {
  interface Window {
    BarcodeDetector?: (new (options?: { formats: string[] }) => BarcodeDetectorLike) & { getSupportedFormats(): Promise<string[]> };
  }
}

interface Props {
  /** The typed-code input this fills; its form is submitted as if staff had typed the code. */
  inputId: string;
}

const SCAN_EVERY_MS = 250;

/**
 * Reads the ticket's QR code with the phone's camera where the browser has `BarcodeDetector`, then fills
 * the typed-code box and submits its form, so the server answers exactly as for a typed code. Without the
 * API, or without camera permission, the typed form stays the way in.
 */
export default function BarcodeScanner({ inputId }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [scanning, setScanning] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const stop = () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    (async () => {
      try {
        const Detector = window.BarcodeDetector!;
        const formats = (await Detector.getSupportedFormats()).filter((f) => f === 'qr_code' || f === 'code_128');
        const detector = new Detector({ formats: formats.length > 0 ? formats : ['qr_code'] });
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return stop();
        video.current.srcObject = stream;
        await video.current.play();
        setMessage('Apunte la cámara al código QR de la boleta.');
        const scan = async () => {
          if (stopped || !video.current) return;
          const [code] = await detector.detect(video.current).catch(() => []);
          if (code?.rawValue) {
            const input = document.getElementById(inputId) as HTMLInputElement | null;
            stop();
            setScanning(false);
            if (input) {
              input.value = code.rawValue.trim();
              input.form?.requestSubmit();
            }
            return;
          }
          timer = window.setTimeout(scan, SCAN_EVERY_MS);
        };
        scan();
      } catch {
        stop();
        setScanning(false);
        setMessage('No se pudo usar la cámara. Escriba el código de la boleta.');
      }
    })();
    return stop;
  }, [scanning, inputId]);

  return (
    <div>
      <button type="button" class="button-secondary" aria-pressed={scanning} onClick={() => setScanning(!scanning)}>
        {scanning ? 'Detener la cámara' : 'Escanear el código QR con la cámara'}
      </button>
      <p role="status">{message}</p>
      {scanning && <video ref={video} muted playsInline aria-label="Vista de la cámara para leer el código QR" />}
    </div>
  );
}
