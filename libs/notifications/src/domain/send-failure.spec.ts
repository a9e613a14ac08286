import { describeSendFailure } from './send-failure';

describe('describeSendFailure', () => {
  it('keeps the SMTP code and text and removes addresses', () => {
    const failure = describeSendFailure({
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <reporter@example.org>: Recipient address rejected',
      message: 'Can not send mail to reporter@example.org',
    });
    expect(failure.summary).toBe('SMTP 550 EENVELOPE: 5.1.1 [address]: Recipient address rejected');
    expect(failure.summary).not.toContain('example.org');
    expect(failure.permanent).toBe(true);
  });

  it('treats temporary refusals and connection failures as worth a retry', () => {
    expect(
      describeSendFailure({ code: 'EPROTOCOL', responseCode: 421, response: '421 Try later' }),
    ).toEqual({ summary: 'SMTP 421 EPROTOCOL: Try later', permanent: false });
    const refused = describeSendFailure(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' }),
    );
    expect(refused).toEqual({
      summary: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:25',
      permanent: false,
    });
  });

  it('keeps the summary short and on one line', () => {
    const failure = describeSendFailure(new Error(`line one\nline two ${'x'.repeat(1000)}`));
    expect(failure.summary).not.toContain('\n');
    expect(failure.summary.length).toBeLessThanOrEqual(300);
  });
});
