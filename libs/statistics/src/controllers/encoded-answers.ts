import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The encodings a JSON answer goes out in, as the server's compression offers them. */
export type AnswerEncoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding an Accept-Encoding header asks for among Brotli and gzip: the one with the higher
 * weight (`*` standing for any not named, `x-gzip` for gzip), Brotli when they tie, none when
 * neither is accepted. The same choice as the server's compression of other answers.
 */
export function chooseEncoding(header: string | string[] | undefined): AnswerEncoding {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const weights = new Map<string, number>();
  for (const part of text.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim());
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const match = /^q=([0-9.]+)$/.exec(param);
      if (match) weight = Number(match[1]);
    }
    if (Number.isNaN(weight)) continue;
    weights.set(name === 'x-gzip' ? 'gzip' : name, weight);
  }
  const any = weights.get('*') ?? 0;
  const br = weights.get('br') ?? any;
  const gzip = weights.get('gzip') ?? any;
  if (br <= 0 && gzip <= 0) return 'identity';
  return br >= gzip ? 'br' : 'gzip';
}

/** Below this size an answer goes out as it is (as the server's compression does). */
const THRESHOLD = 1024;

interface Encoded {
  json: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

/**
 * The body of a JSON answer that is answered many times as the very same (frozen) object,
 * serialized once and compressed once per encoding, kept as long as the object is.
 */
export class EncodedAnswers {
  private readonly bodies = new WeakMap<object, Encoded>();

  body(
    answer: object,
    accept: string | string[] | undefined,
  ): { body: Buffer; encoding: AnswerEncoding } {
    let encoded = this.bodies.get(answer);
    if (!encoded) {
      encoded = { json: Buffer.from(JSON.stringify(answer)) };
      this.bodies.set(answer, encoded);
    }
    const encoding = encoded.json.length < THRESHOLD ? 'identity' : chooseEncoding(accept);
    if (encoding === 'br') {
      encoded.br ??= brotliCompressSync(encoded.json, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
      });
      return { body: encoded.br, encoding };
    }
    if (encoding === 'gzip') {
      encoded.gzip ??= gzipSync(encoded.json);
      return { body: encoded.gzip, encoding };
    }
    return { body: encoded.json, encoding };
  }
}
