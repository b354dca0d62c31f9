/** The part of piexifjs (no types of its own) the pre-screen fixtures use. */
declare module 'piexifjs' {
  type Rational = [number, number];
  type IfdValue = string | number | Rational | Rational[];
  export const GPSIFD: Record<string, number>;
  export const ImageIFD: Record<string, number>;
  export function dump(exif: Record<string, Record<number, IfdValue>>): string;
  export function insert(exif: string, jpeg: string): string;
}
