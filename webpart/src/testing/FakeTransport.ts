import { IApiRequest, IApiResponse, IApiTransport } from '../common/api/ApiClient';

export interface ISentRequest {
  readonly path: string;
  readonly method: string;
  readonly body: unknown;
}

export interface IFakeAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * A fake `fetch` behind the transport interface: answers from a handler (path, request) → answer and records every
 * request, so tests see exactly what a service sent.
 */
export class FakeTransport implements IApiTransport {
  public readonly sent: ISentRequest[] = [];
  private readonly _handler: (request: ISentRequest) => IFakeAnswer;

  public constructor(handler: (request: ISentRequest) => IFakeAnswer) {
    this._handler = handler;
  }

  public static answering(...answers: IFakeAnswer[]): FakeTransport {
    const queue = [...answers];
    return new FakeTransport(() => {
      const next = queue.shift();
      if (next === undefined) {
        throw new Error('FakeTransport: no answer left');
      }

      return next;
    });
  }

  public send(path: string, request: IApiRequest): Promise<IApiResponse> {
    const sent: ISentRequest = {
      path,
      method: request.method,
      body: request.body === undefined ? undefined : JSON.parse(request.body)
    };
    this.sent.push(sent);
    const answer = this._handler(sent);
    return Promise.resolve({
      status: answer.status,
      ok: answer.status >= 200 && answer.status < 300,
      json: () => (typeof answer.body === 'string' ? Promise.reject(new SyntaxError('not JSON')) : Promise.resolve(answer.body))
    });
  }
}
