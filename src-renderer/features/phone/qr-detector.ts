// The Shape Detection API's BarcodeDetector, which TypeScript's DOM library does not declare.
// Chromium ships it on Android, macOS and ChromeOS; like the camera, it needs a secure context.

interface DetectedBarcode {
  rawValue: string;
}

export interface QrDetector {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}

interface BarcodeDetectorClass {
  new (options?: { formats?: string[] }): QrDetector;
  getSupportedFormats?(): Promise<string[]>;
}

/** A QR reader for the camera, or null when this browser cannot scan (type the code instead). */
export async function createQrDetector(): Promise<QrDetector | null> {
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) return null;
  const Detector = (window as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const formats = await Detector.getSupportedFormats?.();
    if (formats && !formats.includes('qr_code')) return null;
    return new Detector({ formats: ['qr_code'] });
  } catch {
    return null;
  }
}
