// A well-formed EncryptedFile for unit tests (the spec's example values).
import type { EncryptedFile } from './media.ts';

export const EXAMPLE_ENCRYPTED_FILE: EncryptedFile = {
  url: 'mxc://example.org/abc',
  key: { kty: 'oct', key_ops: ['encrypt', 'decrypt'], alg: 'A256CTR', k: 'qcHVMSgYg-71CauWBezXI5qkaRb0LuIy-Wx5kIaHMIA', ext: true },
  iv: 'X85+XgHN+HEAAAAAAAAAAA',
  hashes: { sha256: 'gsXS3lkq8pqvtdBCdGddHAIKQIcBUdSXk3LwDtB33WE' },
  v: 'v2'
};
