/** What a proven cart reports; the sessions module acts on it. */
export interface CartEvents {
  identified(deviceId: number, firmware: string | null): void;
  scanned(deviceId: number, barcode: string): void;
  removed(deviceId: number, barcode: string): void;
  weighed(deviceId: number, deltaGrams: number): void;
  recognised(
    deviceId: number,
    labels: { label: string; confidence: number; barcode?: string }[],
  ): void;
  button(deviceId: number, button: 'help' | 'checkout'): void;
}
