/**
 * What is recorded about a failed send: the SMTP reply code and a short text, with anything
 * that looks like an email address removed (servers often echo the recipient).
 */
export interface SendFailure {
  /** Safe to store and show to administrators. */
  summary: string;
  /** Retrying cannot help: the server refused this recipient for good. */
  permanent: boolean;
}

const ADDRESS = /<?[^\s<>@"]+@[^\s<>@"]+>?/g;
const MAX_LENGTH = 300;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]+/g;

interface SmtpLikeError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

function clean(text: string): string {
  const oneLine = text.replace(ADDRESS, '[address]').replace(CONTROL, ' ').trim();
  return oneLine.length > MAX_LENGTH ? `${oneLine.slice(0, MAX_LENGTH - 1)}…` : oneLine;
}

export function describeSendFailure(error: unknown): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpLikeError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (responseCode !== undefined) {
    const response = typeof e.response === 'string' ? e.response : '';
    const text = response.replace(/^\d{3}[ -]/, '');
    return {
      summary: clean(`SMTP ${responseCode}${code ? ` ${code}` : ''}: ${text || 'no text'}`),
      // A 5xx refusal of the envelope (the recipient) will not change on retry; a 5xx after
      // the data (e.g. a content filter) or any 4xx may.
      permanent: responseCode >= 500 && code === 'EENVELOPE',
    };
  }
  const message =
    typeof e.message === 'string' ? e.message : error instanceof Error ? error.message : 'failed';
  return { summary: clean(code ? `${code}: ${message}` : message), permanent: false };
}
