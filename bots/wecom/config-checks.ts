import { ConfigError } from '../../src/config.ts'

/**
 * Fails start-up on an EncodingAESKey that cannot be one (43 base64 characters, 32 bytes), instead of
 * answering every callback with "does not decrypt".
 */
export function assertEncodingAesKey(value: string, variable: string): string {
  if (/^[A-Za-z0-9+/]{43}$/.test(value) && Buffer.from(`${value}=`, 'base64').length === 32) return value
  throw new ConfigError(`invalid ${variable}: expected the 43-character EncodingAESKey from the WeCom admin`)
}
