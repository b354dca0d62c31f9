/** The part of s3rver (no types of its own) the S3 upload test uses. */
declare module 's3rver' {
  import type { AddressInfo } from 'net';
  export default class S3rver {
    constructor(options: {
      address?: string;
      port?: number;
      silent?: boolean;
      directory: string;
      configureBuckets?: Array<{ name: string; configs: Array<string | Buffer> }>;
    });
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
